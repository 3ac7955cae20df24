/** How AWS prints a value after `==` in a cause: strings as they are, anything else as JSON. */
export const valueText = (value: unknown) => typeof value === 'string' ? value : JSON.stringify(value);
