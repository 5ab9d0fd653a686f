// One regular expression written as several literals, so that a long expected message keeps to the line length: the
// parts' sources joined, with the first part's flags. joined(/a /, /b$/) is /a b$/.
export const joined = (...parts: RegExp[]): RegExp => new RegExp(parts.map((p) => p.source).join(""), parts[0].flags);
