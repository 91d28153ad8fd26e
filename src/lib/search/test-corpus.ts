/**
 * A deterministic synthetic corpus of Spanish civic content for performance tests: Zipf-like
 * word frequencies over a civic vocabulary, Markdown bodies, and a long tail of rare proper
 * names so the dictionary grows the way real content makes it grow.
 */
import type { ContentDoc, ContentType } from '$lib/schemas';
import { contentDoc } from './test-fixtures';

const VOCABULARY = (
	'alcaldía municipio concejo municipal secretaría gobierno hacienda planeación salud educación ' +
	'trámite trámites certificado certificados licencia licencias permiso permisos impuesto predial ' +
	'industria comercio pago pagos factura recibo descuento plazo vencimiento tarifa estampilla ' +
	'contribución valorización catastro avalúo predio predios vivienda construcción obra obras ' +
	'vía vías terciaria puente carretera acueducto alcantarillado agua potable energía alumbrado ' +
	'público residuos reciclaje basuras ambiente ambiental río ríos putumayo caquetá vereda veredas ' +
	'corregimiento cabecera urbano rural campesino campesinos agricultor productores cacao café ' +
	'plátano yuca ganadería pesca piscicultura asistencia técnica proyecto proyectos programa ' +
	'programas plan desarrollo presupuesto participativo rendición cuentas transparencia acceso ' +
	'información contratación contrato contratos convocatoria licitación proceso procesos selección ' +
	'proveedor oferta propuesta adjudicación supervisión interventoría control interno auditoría ' +
	'personería contraloría procuraduría veeduría ciudadana ciudadanos ciudadanía comunidad ' +
	'comunidades indígena indígenas resguardo cabildo afrodescendiente víctimas conflicto paz ' +
	'reparación restitución tierras mujer mujeres género juventud jóvenes niños niñas niñez ' +
	'adolescencia infancia familia familias adulto mayor discapacidad inclusión subsidio subsidios ' +
	'sisbén encuesta puntaje beneficiarios registro inscripción inscripciones afiliación régimen ' +
	'subsidiado contributivo hospital puesto centro médico vacunación vacuna vacunas jornada ' +
	'jornadas brigada prevención dengue malaria nutrición alimentación escolar colegio colegios ' +
	'escuela escuelas sede docentes estudiantes matrícula transporte becas universidad cultura ' +
	'deporte deportes torneo festival feria fiestas patronales música danza biblioteca lectura ' +
	'turismo emprendimiento empleo empresa empresas negocio negocios mercado plaza campaña ' +
	'seguridad convivencia policía comisaría inspección querella conciliación justicia derechos ' +
	'deberes decreto decretos acuerdo acuerdos resolución resoluciones circular ley leyes norma ' +
	'normas artículo parágrafo vigencia modificación reglamento reglamentación estatuto código ' +
	'sesión sesiones ordinaria extraordinaria debate proyecto aprobación comisión plenaria ' +
	'concejales presidente mesa directiva orden día acta actas audiencia pública consulta ' +
	'petición peticiones queja quejas reclamo reclamos sugerencia denuncia denuncias respuesta ' +
	'solicitud solicitudes radicado radicación ventanilla atención usuario usuarios horario ' +
	'oficina oficinas funcionario funcionarios servidor servidores trámite requisito requisitos ' +
	'documento documentos cédula identidad copia formulario firma fotografía constancia ' +
	'residencia vecindad nacimiento defunción matrimonio registro civil notaría paz salvo ' +
	'gratuito costo valor días hábiles inmediato presencial línea teléfono correo dirección ' +
	'emergencia riesgo gestión inundación creciente desastres bomberos defensa civil albergue ' +
	'ayuda humanitaria mercados entrega kits censo damnificados invierno verano sequía incendio ' +
	'forestal deforestación bosque selva amazonía biodiversidad fauna flora árboles siembra ' +
	'reforestación minería petróleo hidrocarburos regalías inversión recursos fondo financiación ' +
	'banco crédito ahorro cooperativa asociación junta acción comunal líderes liderazgo elección ' +
	'elecciones votación jurados puestos registraduría nuevo nueva anual mensual semanal informe ' +
	'informes resultados avances metas indicadores seguimiento evaluación diagnóstico estudio'
).split(' ');

const SYLLABLES =
	'ma ri to que gua za pu tu ca no li sa mo ye ja cu na re vi lo ta me du pa ni'.split(' ');

/** Mulberry32: small, fast and good enough for reproducible test data. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Generates test corpora and queries from one seed. */
export class CorpusGenerator {
	private readonly next: () => number;

	constructor(seed = 20_261_120) {
		this.next = random(seed);
	}

	/** An integer in `[min, max]`. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** One of `items`, uniformly. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** A vocabulary word, frequent words much more often than rare ones. */
	word(): string {
		if (this.next() < 0.04) return this.properName();
		const r = this.next();
		return VOCABULARY[Math.floor(r * r * r * VOCABULARY.length)] as string;
	}

	/** An invented place or person name: the long tail of rare words in real content. */
	properName(): string {
		const name = Array.from({ length: this.int(2, 4) }, () => this.pick(SYLLABLES)).join('');
		return name.charAt(0).toUpperCase() + name.slice(1);
	}

	/** Between `min` and `max` words separated by spaces. */
	words(min: number, max: number): string {
		return Array.from({ length: this.int(min, max) }, () => this.word()).join(' ');
	}

	/** A capitalised sentence with a final period. */
	sentence(): string {
		const s = this.words(6, 18);
		return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
	}

	/** A few paragraphs of Markdown with headings, bold lists and links. */
	markdownBody(): string {
		const parts: string[] = [];
		for (let p = this.int(2, 5); p > 0; p--) {
			if (this.next() < 0.4) parts.push(`## ${this.words(2, 5)}`);
			parts.push(Array.from({ length: this.int(2, 5) }, () => this.sentence()).join(' '));
			if (this.next() < 0.3) {
				parts.push(
					Array.from(
						{ length: this.int(2, 5) },
						() => `- **${this.words(1, 3)}** ${this.words(3, 8)}`
					).join('\n')
				);
			}
			if (this.next() < 0.2)
				parts.push(
					`Más información en [${this.words(2, 4)}](https://example.gov.co/${this.int(1, 999)}).`
				);
		}
		return parts.join('\n\n');
	}

	/** A `YYYY-MM-DD` date between 2020 and 2026. */
	date(): string {
		return `20${this.int(20, 26)}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
	}

	/** A valid content document of a type drawn with realistic proportions. */
	contentDoc(n: number): ContentDoc {
		const type = this.pick<ContentType>([
			'noticia',
			'noticia',
			'noticia',
			'noticia',
			'norma',
			'norma',
			'tramite',
			'tramite',
			'pagina',
			'transparencia',
			'dependencia',
			'sesion-concejo'
		]);
		const base = {
			slug: `doc-${n}`,
			title: this.sentence().slice(0, -1).slice(0, 200),
			summary: this.sentence(),
			body: this.markdownBody(),
			keywords: Array.from({ length: this.int(0, 4) }, () => this.words(1, 3)),
			updatedAt: this.date()
		};
		switch (type) {
			case 'norma':
				return contentDoc(type, {
					...base,
					kind: this.pick(['acuerdo', 'decreto', 'resolucion']),
					number: `${String(this.int(1, 300)).padStart(3, '0')} de 20${this.int(10, 26)}`,
					topic: this.words(2, 5)
				});
			case 'tramite':
				return contentDoc(type, {
					...base,
					purpose: this.sentence(),
					result: this.words(2, 4),
					alsoKnownAs: [this.words(2, 4)],
					requirements: Array.from({ length: this.int(1, 5) }, () => ({ text: this.sentence() })),
					steps: Array.from({ length: this.int(1, 4) }, () => this.sentence())
				});
			case 'dependencia':
				return contentDoc(type, {
					...base,
					functions: Array.from({ length: this.int(2, 8) }, () => this.sentence())
				});
			case 'sesion-concejo':
				return contentDoc(type, {
					...base,
					agenda: Array.from({ length: this.int(2, 6) }, () => this.sentence())
				});
			case 'transparencia':
				return contentDoc(type, { ...base, code: `${this.int(1, 10)}.${this.int(1, 12)}` });
			default:
				return contentDoc(type, base);
		}
	}
}
