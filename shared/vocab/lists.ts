// shared/: runs in every process. Imports nothing outside shared/.
// Controlled vocabularies for intake. Codes follow IOM HTCDS v2.0 where it has one, mapped to the
// OVC TIMS and HHS OTIP client-entry items (see ../shared/research/mission-anchors.md).
import { vocabulary } from './define';

export const genderIdentities = vocabulary({
  woman: { en: 'Woman', es: 'Mujer' },
  man: { en: 'Man', es: 'Hombre' },
  nonbinary: { en: 'Non-binary', es: 'No binaria' },
  transgender: { en: 'Transgender', es: 'Transgénero' },
  questioning: { en: 'Questioning', es: 'En exploración' },
  different: { en: 'A different identity', es: 'Otra identidad' },
});

export const yesNo = vocabulary({
  yes: { en: 'Yes', es: 'Sí' },
  no: { en: 'No', es: 'No' },
});

export const raceEthnicities = vocabulary({
  american_indian: { en: 'American Indian, Alaska Native or Indigenous', es: 'Indígena americana, nativa de Alaska o indígena' },
  asian: { en: 'Asian or Asian American', es: 'Asiática o asiático-americana' },
  black: { en: 'Black, African American or African', es: 'Negra, afroamericana o africana' },
  hispanic_latino: { en: 'Hispanic or Latina/e/o', es: 'Hispana o latina' },
  middle_eastern: { en: 'Middle Eastern or North African', es: 'De Oriente Medio o del norte de África' },
  pacific_islander: { en: 'Native Hawaiian or Pacific Islander', es: 'Nativa de Hawái o de las islas del Pacífico' },
  white: { en: 'White', es: 'Blanca' },
});

export const disabilities = vocabulary({
  physical: { en: 'Physical', es: 'Física' },
  developmental: { en: 'Developmental', es: 'Del desarrollo' },
  cognitive: { en: 'Cognitive', es: 'Cognitiva' },
  mental_health: { en: 'Mental health', es: 'Salud mental' },
  hearing: { en: 'Deaf or hard of hearing', es: 'Sordera o pérdida auditiva' },
  vision: { en: 'Blind or low vision', es: 'Ceguera o baja visión' },
  chronic_health: { en: 'Chronic health condition', es: 'Condición de salud crónica' },
  none: { en: 'None', es: 'Ninguna' },
});

export const contactKinds = vocabulary({
  phone: { en: 'Phone', es: 'Teléfono' },
  email: { en: 'Email', es: 'Correo electrónico' },
  address: { en: 'Mailing address', es: 'Dirección postal' },
  messaging_app: { en: 'Messaging app', es: 'Aplicación de mensajería' },
  through_person: { en: 'Through a trusted person', es: 'A través de una persona de confianza' },
});

/** Safety flags per contact method: "unknown" is the honest default until asked. */
export const safeFlag = vocabulary({
  yes: { en: 'Safe', es: 'Seguro' },
  no: { en: 'Not safe', es: 'No es seguro' },
  unknown: { en: 'Not asked yet', es: 'Aún no se ha preguntado' },
});

export const citizenshipCategories = vocabulary({
  us_citizen: { en: 'U.S. citizen', es: 'Ciudadanía estadounidense' },
  lpr: { en: 'Lawful permanent resident', es: 'Residente permanente legal' },
  foreign_national: { en: 'Foreign national', es: 'Persona extranjera' },
  unknown: { en: 'Unknown', es: 'Desconocido' },
});

export const traffickingStatuses = vocabulary({
  possible: { en: 'Possible (being assessed)', es: 'Posible (en evaluación)' },
  actual: { en: 'Confirmed', es: 'Confirmada' },
  not_trafficked: { en: 'Not trafficked', es: 'No es trata' },
});

export const determinedBy = vocabulary({
  self: { en: 'The survivor', es: 'La persona sobreviviente' },
  agency: { en: 'This agency', es: 'Esta organización' },
  law_enforcement: { en: 'Law enforcement', es: 'Fuerzas del orden' },
  court: { en: 'A court', es: 'Un tribunal' },
  hhs: { en: 'HHS (certification or eligibility letter)', es: 'HHS (carta de certificación o elegibilidad)' },
  other: { en: 'Someone else', es: 'Otra persona u organismo' },
});

export const traffickingTypes = vocabulary({
  sex: { en: 'Sex trafficking', es: 'Trata con fines de explotación sexual' },
  labor: { en: 'Labor trafficking', es: 'Trata con fines de explotación laboral' },
  both: { en: 'Sex and labor trafficking', es: 'Trata sexual y laboral' },
  unknown: { en: 'Unknown', es: 'Desconocido' },
});

export const exploitationTypes = vocabulary({
  commercial_sex: { en: 'Commercial sex', es: 'Comercio sexual' },
  forced_labor: { en: 'Forced labor', es: 'Trabajo forzoso' },
  domestic_servitude: { en: 'Domestic servitude', es: 'Servidumbre doméstica' },
  debt_bondage: { en: 'Debt bondage', es: 'Servidumbre por deudas' },
  forced_criminality: { en: 'Forced criminal activity', es: 'Actividad delictiva forzada' },
  forced_marriage: { en: 'Forced marriage', es: 'Matrimonio forzado' },
  begging: { en: 'Forced begging', es: 'Mendicidad forzada' },
  other: { en: 'Other', es: 'Otra' },
});

export const controlMethods = vocabulary({
  physical_violence: { en: 'Physical violence', es: 'Violencia física' },
  sexual_violence: { en: 'Sexual violence', es: 'Violencia sexual' },
  threats: { en: 'Threats to the person or family', es: 'Amenazas a la persona o a su familia' },
  debt: { en: 'Debt', es: 'Deudas' },
  withheld_documents: { en: 'Identity documents taken', es: 'Documentos de identidad retenidos' },
  withheld_pay: { en: 'Pay withheld', es: 'Salario retenido' },
  isolation: { en: 'Isolation or confinement', es: 'Aislamiento o encierro' },
  substances: { en: 'Substances used for control', es: 'Sustancias usadas para controlar' },
  immigration_threats: { en: 'Threats about immigration status', es: 'Amenazas sobre la situación migratoria' },
  emotional_abuse: { en: 'Emotional abuse', es: 'Abuso emocional' },
  other: { en: 'Other', es: 'Otro' },
});

export const laborIndustries = vocabulary({
  agriculture: { en: 'Agriculture', es: 'Agricultura' },
  construction: { en: 'Construction', es: 'Construcción' },
  domestic_work: { en: 'Domestic work', es: 'Trabajo doméstico' },
  hospitality: { en: 'Hotels and hospitality', es: 'Hotelería' },
  restaurants: { en: 'Restaurants and food service', es: 'Restaurantes y servicio de comida' },
  manufacturing: { en: 'Factories and manufacturing', es: 'Fábricas y manufactura' },
  beauty: { en: 'Nail and beauty salons', es: 'Salones de uñas y belleza' },
  sales: { en: 'Peddling and door-to-door sales', es: 'Venta ambulante o a domicilio' },
  fishing: { en: 'Fishing', es: 'Pesca' },
  other: { en: 'Other', es: 'Otra' },
  not_applicable: { en: 'Not applicable', es: 'No corresponde' },
});

export const recruitmentMethods = vocabulary({
  job_offer: { en: 'False job offer', es: 'Oferta de trabajo falsa' },
  intimate_partner: { en: 'Intimate partner or romance', es: 'Pareja o relación sentimental' },
  family: { en: 'Family member', es: 'Familiar' },
  friend: { en: 'Friend or acquaintance', es: 'Amistad o conocido' },
  online: { en: 'Online or social media', es: 'Internet o redes sociales' },
  abduction: { en: 'Abduction', es: 'Secuestro' },
  other: { en: 'Other', es: 'Otro' },
});

export const immediateNeeds = vocabulary({
  shelter: { en: 'Safe place to stay', es: 'Lugar seguro para quedarse' },
  food: { en: 'Food', es: 'Comida' },
  clothing: { en: 'Clothing', es: 'Ropa' },
  medical: { en: 'Medical care', es: 'Atención médica' },
  mental_health: { en: 'Emotional support', es: 'Apoyo emocional' },
  legal: { en: 'Legal help', es: 'Ayuda legal' },
  interpretation: { en: 'Interpreter', es: 'Intérprete' },
  transportation: { en: 'Transportation', es: 'Transporte' },
  phone: { en: 'A safe phone', es: 'Un teléfono seguro' },
  childcare: { en: 'Childcare', es: 'Cuidado infantil' },
  documents: { en: 'Identity documents', es: 'Documentos de identidad' },
});

export const riskLevels = vocabulary({
  low: { en: 'Low', es: 'Bajo' },
  medium: { en: 'Medium', es: 'Medio' },
  high: { en: 'High', es: 'Alto' },
  very_high: { en: 'Very high', es: 'Muy alto' },
});

export const intakeTypes = vocabulary({
  hotline: { en: 'Hotline call', es: 'Llamada a la línea de ayuda' },
  walk_in: { en: 'Walk-in', es: 'Visita sin cita' },
  outreach: { en: 'Outreach', es: 'Trabajo de calle' },
  referral: { en: 'Referral', es: 'Derivación' },
  transfer: { en: 'Transfer from another program', es: 'Traslado de otro programa' },
});

export const referralSources = vocabulary({
  self: { en: 'Self-referred', es: 'Por cuenta propia' },
  hotline: { en: 'National hotline', es: 'Línea nacional de ayuda' },
  law_enforcement: { en: 'Law enforcement', es: 'Fuerzas del orden' },
  legal_services: { en: 'Legal services', es: 'Servicios legales' },
  health_care: { en: 'Health care provider', es: 'Proveedor de salud' },
  social_services: { en: 'Social services or child welfare', es: 'Servicios sociales o protección infantil' },
  community: { en: 'Community or faith organization', es: 'Organización comunitaria o religiosa' },
  school: { en: 'School', es: 'Escuela' },
  family_friend: { en: 'Family or friend', es: 'Familia o amistades' },
  other: { en: 'Other', es: 'Otra' },
});

export const relationships = vocabulary({
  child: { en: 'Child', es: 'Hija o hijo' },
  partner: { en: 'Partner or spouse', es: 'Pareja o cónyuge' },
  parent: { en: 'Parent', es: 'Madre o padre' },
  sibling: { en: 'Sibling', es: 'Hermana o hermano' },
  other_relative: { en: 'Other relative', es: 'Otro familiar' },
  other: { en: 'Other', es: 'Otra relación' },
});

export const consentKinds = vocabulary({
  services: { en: 'Consent to services', es: 'Consentimiento para servicios' },
  share_partner: { en: 'Share information with a partner', es: 'Compartir información con una organización aliada' },
  deidentified_reporting: { en: 'De-identified reporting', es: 'Informes sin datos de identificación' },
});

export const consentDataCategories = vocabulary({
  identity: { en: 'Name and identity', es: 'Nombre e identidad' },
  contact: { en: 'Contact details', es: 'Datos de contacto' },
  demographics: { en: 'Demographics', es: 'Datos demográficos' },
  immigration: { en: 'Immigration status', es: 'Situación migratoria' },
  trafficking: { en: 'Trafficking experience', es: 'Experiencia de trata' },
  health: { en: 'Health', es: 'Salud' },
  services: { en: 'Services received', es: 'Servicios recibidos' },
});

export const signedHow = vocabulary({
  written: { en: 'Signed on paper', es: 'Firmado en papel' },
  electronic: { en: 'Signed electronically', es: 'Firmado electrónicamente' },
  verbal: { en: 'Verbal, witnessed', es: 'Verbal, con testigo' },
});

export const languagesSpoken = vocabulary({
  en: { en: 'English', es: 'Inglés' },
  es: { en: 'Spanish', es: 'Español' },
  zh: { en: 'Chinese', es: 'Chino' },
  vi: { en: 'Vietnamese', es: 'Vietnamita' },
  tl: { en: 'Tagalog', es: 'Tagalo' },
  th: { en: 'Thai', es: 'Tailandés' },
  ko: { en: 'Korean', es: 'Coreano' },
  ru: { en: 'Russian', es: 'Ruso' },
  uk: { en: 'Ukrainian', es: 'Ucraniano' },
  ar: { en: 'Arabic', es: 'Árabe' },
  hi: { en: 'Hindi', es: 'Hindi' },
  ht: { en: 'Haitian Creole', es: 'Criollo haitiano' },
  pt: { en: 'Portuguese', es: 'Portugués' },
  fr: { en: 'French', es: 'Francés' },
  mam: { en: "Mam (Maya)", es: 'Mam (maya)' },
  kiche: { en: "K'iche' (Maya)", es: "K'iche' (maya)" },
  other: { en: 'Other', es: 'Otro' },
});

export const clientStatuses = vocabulary({
  active: { en: 'Active', es: 'Activo' },
  closed: { en: 'Closed', es: 'Cerrado' },
});
