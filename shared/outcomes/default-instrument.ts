// shared/: runs in every process. Imports nothing outside shared/.
// The default outcome instrument, in the style of the Self-Sufficiency Matrix: each domain scored
// 1 (in crisis) to 5 (thriving), with a short anchored description for every level. Agencies can
// add their own instruments and domains without code.
import type { Label } from '../vocab/define';

export interface DomainDefinition {
  code: string;
  label: Label;
  levels: [Label, Label, Label, Label, Label];
}

const L = (en: string, es: string): Label => ({ en, es });

export const defaultInstrument: { code: string; name: Label; domains: DomainDefinition[] } = {
  code: 'ssm',
  name: L('Self-sufficiency (Safehold default)', 'Autosuficiencia (predeterminado de Safehold)'),
  domains: [
    {
      code: 'housing',
      label: L('Housing', 'Vivienda'),
      levels: [L('No safe place to stay', 'Sin un lugar seguro donde quedarse'), L('Emergency shelter', 'Albergue de emergencia'), L('Temporary or transitional', 'Temporal o de transición'), L('Stable but at risk', 'Estable pero en riesgo'), L('Safe, stable housing of their own', 'Vivienda propia, segura y estable')],
    },
    {
      code: 'income',
      label: L('Income', 'Ingresos'),
      levels: [L('No income', 'Sin ingresos'), L('Irregular or unsafe income', 'Ingresos irregulares o inseguros'), L('Some income, not enough', 'Algunos ingresos, insuficientes'), L('Enough for basic needs', 'Suficientes para lo básico'), L('Enough to plan ahead', 'Suficientes para planificar')],
    },
    {
      code: 'employment',
      label: L('Employment', 'Empleo'),
      levels: [L('Not able to work', 'No puede trabajar'), L('Looking, no work yet', 'Buscando, aún sin trabajo'), L('Temporary or informal work', 'Trabajo temporal o informal'), L('Steady work', 'Trabajo estable'), L('Steady work with fair conditions', 'Trabajo estable en condiciones justas')],
    },
    {
      code: 'safety',
      label: L('Safety', 'Seguridad'),
      levels: [L('In immediate danger', 'En peligro inmediato'), L('Unsafe, no plan', 'Inseguro, sin plan'), L('Some risk, with a plan', 'Algo de riesgo, con un plan'), L('Mostly safe', 'Mayormente seguro'), L('Safe and confident', 'Seguro y con confianza')],
    },
    {
      code: 'health',
      label: L('Physical health', 'Salud física'),
      levels: [L('Urgent needs, no care', 'Necesidades urgentes, sin atención'), L('Needs care, hard to reach', 'Necesita atención, difícil de obtener'), L('Receiving some care', 'Recibe algo de atención'), L('Needs mostly met', 'Necesidades casi cubiertas'), L('Healthy, with regular care', 'Saludable, con atención regular')],
    },
    {
      code: 'mental_health',
      label: L('Emotional well-being', 'Bienestar emocional'),
      levels: [L('In crisis', 'En crisis'), L('Struggling most days', 'Con dificultades la mayoría de los días'), L('Coping with support', 'Sobrellevando con apoyo'), L('Mostly well', 'Mayormente bien'), L('Well, with their own supports', 'Bien, con sus propios apoyos')],
    },
    {
      code: 'legal',
      label: L('Legal and immigration', 'Legal e inmigración'),
      levels: [L('Urgent legal risk, no help', 'Riesgo legal urgente, sin ayuda'), L('Needs help, none yet', 'Necesita ayuda, aún no la tiene'), L('Has legal help, in progress', 'Con ayuda legal, en trámite'), L('Mostly resolved', 'Mayormente resuelto'), L('Secure status, no open issues', 'Situación segura, sin asuntos pendientes')],
    },
    {
      code: 'social_support',
      label: L('Support network', 'Red de apoyo'),
      levels: [L('Isolated', 'Aislado'), L('One unsafe or uncertain contact', 'Un contacto inseguro o incierto'), L('Some safe contacts', 'Algunos contactos seguros'), L('A reliable network', 'Una red confiable'), L('Strong, mutual network', 'Red sólida y recíproca')],
    },
    {
      code: 'education',
      label: L('Education and skills', 'Educación y habilidades'),
      levels: [L('No access', 'Sin acceso'), L('Wants to learn, no access yet', 'Quiere aprender, aún sin acceso'), L('Enrolled or starting', 'Inscrito o comenzando'), L('Progressing', 'Avanzando'), L('Completed a goal', 'Completó una meta')],
    },
    {
      code: 'transportation',
      label: L('Transportation', 'Transporte'),
      levels: [L('No way to get around', 'Sin forma de desplazarse'), L('Depends on others, unreliable', 'Depende de otros, poco fiable'), L('Some options', 'Algunas opciones'), L('Reliable most of the time', 'Fiable casi siempre'), L('Independent and reliable', 'Independiente y fiable')],
    },
  ],
};
