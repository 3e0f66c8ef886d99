// shared/: runs in every process. Imports nothing outside shared/.
// A caseworker's week: appointments (what they are for, how they went) and contact attempts.
import { vocabulary } from './define';

export const appointmentKinds = vocabulary({
  court: { en: 'Court date', es: 'Cita en el tribunal' },
  uscis: { en: 'USCIS appointment', es: 'Cita con USCIS' },
  medical: { en: 'Medical visit', es: 'Visita médica' },
  home_visit: { en: 'Home visit', es: 'Visita a domicilio' },
  office: { en: 'Office meeting', es: 'Reunión en la oficina' },
  legal: { en: 'Meeting with a lawyer', es: 'Reunión con abogado o abogada' },
  other: { en: 'Other', es: 'Otra' },
});

export const appointmentStatuses = vocabulary({
  booked: { en: 'Booked', es: 'Programada' },
  attended: { en: 'Attended', es: 'Asistió' },
  no_show: { en: 'Did not come', es: 'No asistió' },
  cancelled: { en: 'Cancelled', es: 'Cancelada' },
  rescheduled: { en: 'Rescheduled', es: 'Reprogramada' },
});

export const contactMethods = vocabulary({
  call: { en: 'Phone call', es: 'Llamada' },
  text: { en: 'Text message', es: 'Mensaje de texto' },
  messaging_app: { en: 'Messaging app', es: 'Aplicación de mensajería' },
  email: { en: 'Email', es: 'Correo electrónico' },
  mail: { en: 'Letter by mail', es: 'Carta por correo' },
  in_person: { en: 'In person', es: 'En persona' },
  through_person: { en: 'Through a trusted person', es: 'A través de una persona de confianza' },
});

export const contactOutcomes = vocabulary({
  reached: { en: 'Reached', es: 'Se habló con la persona' },
  attempted: { en: 'Tried, no answer', es: 'Se intentó, sin respuesta' },
  voicemail: { en: 'Left a voicemail', es: 'Se dejó un mensaje de voz' },
  message_left: { en: 'Left a message', es: 'Se dejó un mensaje' },
});
