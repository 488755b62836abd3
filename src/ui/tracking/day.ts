/** A calendar day as the portal sends it (AAAA-MM-JJ) written the French way (JJ/MM/AAAA). */
export const frenchDay = (isoDay: string) => isoDay.split('-').reverse().join('/');
