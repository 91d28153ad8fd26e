/**
 * The data-processing policy the consent checkbox refers to (Ley 1581 de 2012). Its version is
 * recorded with every request, so the entity can prove what the person accepted.
 */
export const DATA_POLICY_PATH = '/informacion/politica-de-tratamiento-de-datos-personales';
export const DATA_POLICY_VERSION = '2026-12';
