// renderer/: the field components that know the project's conventions, one kind per file: selects
// from shared/vocab, checkboxes, reason codes as answers, dates in the person's language, numbers
// and text. Labels come from shared/vocab and the i18n dictionaries, never retranslated here.
export { CheckboxField, CheckboxGroup } from './checkboxes';
export { DateField, INCOMPLETE_DATE, OptionalDateField, type DateFieldProps } from './DateField';
export { Labelled, useDescribed, type ControlProps, type Described, type Option } from './described';
export { ItemList } from './ItemList';
export { MultiAnswer } from './MultiAnswer';
export { NumberField, toWholeNumber } from './NumberField';
export { AnswerDate, AnswerNumber, AnswerSelect, AnswerText, ReasonSelect } from './reasons';
export { ChoiceSelect, OptionalSelect, SelectField, VocabSelect } from './SelectField';
export { TextAreaField } from './TextAreaField';
export { reasonOf, useOptions, useReasonOptions, useVocab } from './vocab';
