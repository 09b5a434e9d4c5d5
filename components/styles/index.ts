export { hostStyles, compactHostStyles, focusRingStyles } from './host.styles';
export { outlineButtonStyles, primaryButtonStyles } from './button.styles';
export { fieldStyles, fieldErrorStyles } from './field.styles';
