// Main process (plain Node). Never imports electron.
import pkg from '../package.json';

export const APP_VERSION: string = pkg.version;
