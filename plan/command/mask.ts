// Secrets masked in everything the plan says.
import { SECRET } from "./events";

/** Every string in a value with these secrets replaced by "[secret]"; an error's message too. */
export function masked<T>(value: T, secrets: string[]): T {
    if (value instanceof Error) {
        value.message = masked(value.message, secrets);
        return value;
    }
    if (typeof value === "string") return secrets.reduce((t, secret) => t.split(secret).join(SECRET), value as string) as T;
    if (Array.isArray(value)) return value.map((v) => masked(v, secrets)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, secrets)])) as T;
    return value;
}
