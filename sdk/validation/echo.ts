// How a message shows a value it got: quoted or bare, cut at ECHO_LIMIT characters, and `[secret]` for a secret.

/** What a message shows instead of a secret value. */
export const SECRET = "[secret]";

/**
 * How many characters of a value a message echoes. The rest is counted, not shown, so a 1 MB argument gives a
 * message of a few hundred characters, not one of 1 MB that the CLI then prints more than once.
 */
export const ECHO_LIMIT = 200;

/** The first `ECHO_LIMIT` characters of a text, never half of a UTF-16 surrogate pair. */
function head(text: string): string {
    const end = /[\uD800-\uDBFF]/.test(text[ECHO_LIMIT - 1]) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
    return text.slice(0, end);
}

/** What a cut echo adds: how long the whole was, and how much of it is not shown. */
const cutNote = (length: number, shown: number, of = "") => ` (${length} characters${of}, ${length - shown} not shown)`;

/**
 * How a value is echoed in a message: strings quoted, everything else as JSON; a secret never. Beyond `ECHO_LIMIT`
 * characters it is cut, e.g. `"aaaa…" (1048576 characters, 1048376 not shown)`: a string's characters are counted,
 * for any other value those of its JSON.
 */
export function show(value: unknown, secret = false): string {
    if (secret) return SECRET;
    if (value === undefined) return "undefined";
    if (typeof value === "string") {
        if (value.length <= ECHO_LIMIT) return JSON.stringify(value);
        const shown = head(value);
        return `${JSON.stringify(shown).slice(0, -1)}…"${cutNote(value.length, shown.length)}`;
    }
    const json = JSON.stringify(value) ?? String(value);
    if (json.length <= ECHO_LIMIT) return json;
    const shown = head(json);
    return `${shown}…${cutNote(json.length, shown.length, " of JSON")}`;
}

/** The same, for a value echoed unquoted inside a sentence (ids, zones, regions, an error's text). */
export function bare(value: string, secret = false): string {
    if (secret) return SECRET;
    if (value.length <= ECHO_LIMIT) return value;
    const shown = head(value);
    return `${shown}…${cutNote(value.length, shown.length)}`;
}
