/** A screenful and a little more: what the table draws before anything else has loaded. */
export const FIRST_PAGE = 60;
