// Main process (plain Node). Never imports electron.
// Fictional names for demo and test data, in the languages and scripts an anti-trafficking
// program meets: the search and duplicate checks must work for all of them.
export const givenNames: readonly string[] = [
  // Spanish and Portuguese
  'María José', 'Lucía', 'Guadalupe', 'Ximena', 'Rocío', 'Araceli', 'Joaquín', 'Iñaki', 'José Ángel', 'Begoña', 'Conceição', 'João',
  // Vietnamese
  'Nguyễn Thị Hằng', 'Trần Văn Đức', 'Lê Thị Ánh', 'Phạm Minh Châu', 'Hồng Nhung',
  // Tagalog, Haitian Creole, French
  'Maricel', 'Jhoanna', 'Rodelio', 'Woodline', 'Mackenson', 'Rosemène', 'Françoise', 'Anaïs',
  // Thai, Chinese, Korean
  'สมศรี', 'ประภา', 'วิไลวรรณ', '李秀英', '王芳', '张伟', '김지은', '박서연',
  // Russian and Ukrainian
  'Светлана', 'Анастасия', 'Олена', 'Oksana', 'Dmytro',
  // Arabic, Hindi, Nepali
  'فاطمة', 'مريم', 'Amira', 'प्रिया', 'सीता', 'Anjali', 'Sunita',
  // Mayan languages (K'iche', Mam), Nahuatl
  "Ixchel", "B'alam", 'Nikte', 'Xochitl',
  // English
  'Ashley', 'Destiny', 'Brianna', 'Jordan', 'Tyrone', 'Kayla',
];

export const familyNames: readonly string[] = [
  'García', 'Hernández', 'López', 'Pérez', 'Martínez', 'Gonçalves', 'Muñoz', 'Ibáñez',
  'Nguyễn', 'Trần', 'Lê', 'Santos', 'Reyes', 'Dela Cruz', 'Joseph', 'Pierre', 'Jean-Baptiste',
  'สุขใจ', 'ทองดี', '李', '王', '김', '박', 'Иванова', 'Коваленко', 'Shevchenko',
  'الحسن', 'Haddad', 'शर्मा', 'Gurung', 'Thapa', "Tz'ib", 'Cux', 'Smith', 'Johnson', 'Williams',
];

export const staffNames: readonly string[] = ['Demo Supervisor Ada', 'Demo Caseworker Ben', 'Demo Caseworker Caro', 'Demo Auditor Dev'];
