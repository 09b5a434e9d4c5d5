// Call and SMS scripts (话术): the built-in library per language, placeholder rendering and choosing.
export * from './library';
export * from './built-ins';
export * from './render';
export * from './suggest';
