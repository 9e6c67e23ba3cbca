/** The password rules the API enforces (auth.dto.ts): at least 10 characters, at most 128. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
