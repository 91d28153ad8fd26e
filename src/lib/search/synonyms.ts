import { splitWords, stem } from './normalize';

/**
 * Words people use for what the portal names otherwise. A trámite's own other names
 * ("también conocido como") are indexed with it as keywords; this list covers everyday words
 * that belong to no single page: "papel" for a certificate, "vivo" for residence, "abuelos"
 * for the elderly. Each entry lists what the word may stand for; matches through a synonym
 * rank below matches of the word itself.
 *
 * Plain, reviewable data: add a line when the search log or a citizen shows a word that finds
 * nothing. Words are written as people write them; they are folded and stemmed on load.
 */
const STANDS_FOR: Record<string, string[]> = {
	papel: ['certificado', 'constancia', 'documento', 'formulario'],
	papeleo: ['tramite'],
	diligencia: ['tramite'],
	vueltas: ['tramite'],
	vivo: ['residencia', 'vecindad'],
	vivir: ['residencia', 'vecindad'],
	casa: ['vivienda', 'predio', 'hogar'],
	lote: ['predio'],
	finca: ['predio', 'rural'],
	terreno: ['predio'],
	direccion: ['nomenclatura'],
	mudanza: ['trasteo'],
	mudarme: ['trasteo'],
	estrato: ['estratificacion'],
	plata: ['pago', 'subsidio'],
	pagar: ['pago', 'factura'],
	cobro: ['factura', 'pago'],
	recibo: ['factura'],
	abuelo: ['mayor'],
	abuela: ['mayor'],
	anciano: ['mayor'],
	viejito: ['mayor'],
	pension: ['mayor'],
	eps: ['afiliacion', 'subsidiado'],
	carnet: ['afiliacion', 'carnetizacion'],
	puntaje: ['sisben'],
	encuesta: ['sisben'],
	negocio: ['comercio', 'establecimiento'],
	tienda: ['comercio', 'establecimiento'],
	fiesta: ['evento'],
	baile: ['evento'],
	ganado: ['marca', 'bovino', 'agropecuaria'],
	hierro: ['marca'],
	vaca: ['ganado'],
	cultivo: ['agropecuaria'],
	maltrato: ['proteccion', 'comisaria'],
	violencia: ['proteccion', 'comisaria'],
	desplazado: ['victima'],
	construir: ['construccion', 'licencia'],
	obra: ['construccion'],
	queja: ['pqrsd'],
	reclamo: ['pqrsd'],
	peticion: ['pqrsd'],
	denuncia: ['pqrsd'],
	ayuda: ['subsidio', 'apoyo', 'humanitaria'],
	luz: ['energia', 'alumbrado'],
	carretera: ['via'],
	trocha: ['via', 'terciaria'],
	concejal: ['concejo'],
	alcalde: ['alcaldia', 'despacho']
};

/** Same meaning both ways: either word finds the other. */
const SAME_MEANING: string[][] = [
	['certificado', 'constancia'],
	['permiso', 'licencia'],
	['colegio', 'escuela']
];

/** Stem of a word → stems it may stand for. */
const synonymStems: ReadonlyMap<string, readonly string[]> = (() => {
	const map = new Map<string, Set<string>>();
	const add = (word: string, targets: string[]) => {
		const key = stemOf(word);
		const set = map.get(key) ?? new Set<string>();
		for (const t of targets) if (stemOf(t) !== key) set.add(stemOf(t));
		map.set(key, set);
	};
	for (const [word, targets] of Object.entries(STANDS_FOR)) add(word, targets);
	for (const group of SAME_MEANING) for (const word of group) add(word, group);
	return new Map([...map].map(([k, v]) => [k, [...v]]));
})();

function stemOf(word: string): string {
	return stem(splitWords(word)[0] ?? word);
}

/** Stems a query word's stem may stand for (empty when none). */
export function synonymsOf(wordStem: string): readonly string[] {
	return synonymStems.get(wordStem) ?? [];
}
