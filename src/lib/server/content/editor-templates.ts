/**
 * Starting "Datos específicos" for a new item of each type: the fields the schema requires,
 * with example values to replace, so nobody has to learn the schema before writing.
 */
import type { ContentType } from '$lib/schemas';

export const EDITOR_TEMPLATES: Record<ContentType, string> = {
	'linea-gelt': `order: 100
`,
	'actividad-gelt': `line: mantener-actualizada-la-pagina-web
phase: informacion
owner: Secretario(a) de Gobierno
start: {today}
due: {today}
status: pendiente
progress: 0
evidence: []
`,
	'reunion-gelt': `date: {today}
place: Despacho del alcalde
attendees:
  - name: Nombre y apellido
    role: Cargo
agenda:
  - Seguimiento del plan de acción GEL-T
decisions: []
commitments: []
`,
	sitio: '',
	pagina: `section: alcaldia
order: 100
facts: []
links: []
`,
	dependencia: `institution: alcaldia
head: Secretario(a)
contact:
  address: Palacio municipal
  phone: ""
  hours: Lunes a viernes, 8:00 a. m. a 12:00 m. y 2:00 a 6:00 p. m.
functions: []
officials: []
`,
	institucion: `kind: otra
contact:
  address: ""
links: []
`,
	noticia: `kind: noticia
date: {today}
`,
	norma: `kind: decreto
number: "000"
issuedAt: {today}
issuer: Alcalde municipal
topic: Tema de la norma
inForce: true
`,
	tramite: `kind: tramite
category: gobierno
purpose: Para qué sirve el trámite.
result: Qué obtiene el ciudadano.
audience: [persona-natural]
requirements:
  - text: Documento de identidad.
steps:
  - Presentar la solicitud.
cost:
  free: true
  description: Gratuito.
time:
  kind: dias-habiles
  value: 15
legalBasis:
  - Ley 1755 de 2015
channels: [presencial]
pointsOfAttention:
  - name: Alcaldía municipal
    address: Palacio municipal
    hours: Lunes a viernes, 8:00 a. m. a 12:00 m.
tracking: Con el número de radicado en la página de seguimiento.
`,
	transparencia: `code: "1.1"
status: publicado
links: []
`,
	'sesion-concejo': `date: {today}
kind: ordinaria
status: programada
place: Recinto del Concejo municipal
agenda:
  - Llamado a lista y verificación del quórum.
`,
	formulario: `purpose: pqrsd
pqrsdType: peticion-general
anonymousAllowed: true
fields:
  - name: asunto
    label: Asunto
    kind: texto
    required: true
attachments:
  max: 3
`,
	consulta: `# consulta (una decisión) o encuesta (opinión)
kind: consulta
# Abierta desde el inicio de opensAt hasta el final de closesAt (hora de Colombia).
opensAt: {today}
closesAt: {today}
# true: un mismo dispositivo puede responder varias veces (p. ej. un kiosco).
allowMultiple: false
# Tipos de pregunta: unica, multiple (con options), escala (1 a 5), si-no, texto (maxLength).
# El id identifica la respuesta: minúsculas y guiones, sin repetir.
questions:
  - id: prioridad
    kind: unica
    label: ¿Qué debería atenderse primero?
    required: true
    options:
      - value: opcion-a
        label: Primera opción
      - value: opcion-b
        label: Segunda opción
  - id: satisfaccion
    kind: escala
    label: De 1 (nada) a 5 (mucho), ¿qué tan de acuerdo está?
    required: false
  - id: comentario
    kind: texto
    label: ¿Algo más que quiera decirnos?
    help: No escriba datos personales.
    maxLength: 500
`,
	'proyecto-acuerdo': `number: 001 de {year}
filedAt: {today}
author: Alcalde municipal
# en-estudio, aprobado, archivado o retirado
status: en-estudio
# Último día para recibir comentarios ciudadanos (quítelo si no los recibe).
commentsUntil: {today}
# Slugs de las sesiones del Concejo donde se debatió.
sessions: []
`
};

export const templateFor = (type: ContentType, today: string) =>
	EDITOR_TEMPLATES[type].replaceAll('{today}', today).replaceAll('{year}', today.slice(0, 4));
