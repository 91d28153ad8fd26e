// Last line of defence inside the store for published content. The app's server validates
// every write with the Zod schemas in src/lib/schemas first; CouchDB cannot run Zod, so this
// only guards the invariants replication and the devices rely on.
function validate(newDoc) {
	if (newDoc._deleted) return;
	if (newDoc._id.indexOf('_design/') === 0 || newDoc._id.indexOf('_local/') === 0) return;
	var types = [
		'sitio',
		'pagina',
		'dependencia',
		'institucion',
		'noticia',
		'norma',
		'tramite',
		'transparencia',
		'sesion-concejo',
		'formulario',
		'linea-gelt',
		'actividad-gelt',
		'reunion-gelt'
	];
	if (types.indexOf(newDoc.type) < 0) throw { forbidden: 'tipo de contenido desconocido' };
	if (newDoc._id !== newDoc.type + ':' + newDoc.slug) {
		throw { forbidden: 'el _id debe ser <type>:<slug>' };
	}
	['title', 'responsible', 'responsibleName', 'updatedAt', 'html'].forEach(function (field) {
		if (typeof newDoc[field] !== 'string') throw { forbidden: 'falta el campo ' + field };
	});
	if (!/^\d{4}-\d{2}-\d{2}$/.test(newDoc.updatedAt)) {
		throw { forbidden: 'updatedAt debe ser AAAA-MM-DD' };
	}
	if (/<script/i.test(newDoc.html)) throw { forbidden: 'html sin sanitizar' };
}
