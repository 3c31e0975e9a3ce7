// Strings of the options view.
export const optionsStrings = {};
