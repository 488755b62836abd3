/** A calendar day AAAA-MM-JJ written the French way, JJ/MM/AAAA (documents, spreadsheets and CSV of the portal). */
export const frenchDay = (iso: string) => iso.split('-').reverse().join('/');
