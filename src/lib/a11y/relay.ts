/**
 * The Centro de Relevo: MinTIC and FENASCOL's free relay service that lets deaf people talk
 * with any entity through a sign-language interpreter. GOV.CO asks every portal to link it.
 */
export const RELAY_CENTER_URL = 'https://centroderelevo.gov.co/';
