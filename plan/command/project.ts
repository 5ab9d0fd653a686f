// The user's project as the plan reads it, never writes it: Pulumi.yaml (name, runtime, where stack files live) and
// the stack's Pulumi.<stack>.yaml, of which the plan gives the engine a scratch copy (the CLI writes into the stack
// file it is given: a salt on init, `-c` values; DESIGN-NOTES.md, "The plan runs on the real engine").
import * as yaml from "js-yaml";
import * as fs from "node:fs";
import * as path from "node:path";

/** The tool's own limits, or what it was asked that it cannot do: exit code 2. */
export class PlanError extends Error {}

// Pulumi reads these files with Go's YAML 1.2 library: no timestamps, and `yes`/`no` stay strings. js-yaml's core
// schema reads them the same way, so a copy the plan rewrites keeps every value as the CLI would have read it.
const SCHEMA = yaml.CORE_SCHEMA;

export interface Project {
    dir: string;
    name: string;
    runtime: string;
    /** Where Pulumi.<stack>.yaml files are (`stackConfigDir`), absolute. */
    stackConfigDir: string;
    /** Keys Pulumi.yaml declares `secret: true`, qualified (`project:key`). */
    secretKeys: string[];
    /** `config:` defaults Pulumi.yaml gives, qualified keys (`aws:region`), plain values only. */
    defaults: Record<string, unknown>;
    /** Pulumi.yaml's `packages:`: name → source (a local path, a registry name or a git URL), as written. */
    packages: Record<string, string>;
    /** Pulumi.yaml's `plugins:` entries (providers, languages, analyzers), as `<kind> <name> (<path>)`. */
    plugins: string[];
}

export function readProject(dir: string): Project {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!file) throw new PlanError(`no Pulumi.yaml in ${dir}: give the directory of a Pulumi project`);
    let doc: any;
    try {
        doc = yaml.load(fs.readFileSync(file, "utf8"), { schema: SCHEMA });
    } catch (e) {
        throw new PlanError(`${file} is not readable YAML: ${(e as Error).message}`);
    }
    const runtime = typeof doc?.runtime === "string" ? doc.runtime : doc?.runtime?.name;
    if (typeof doc?.name !== "string" || typeof runtime !== "string")
        throw new PlanError(`${file} needs a \`name\` and a \`runtime\`, as \`pulumi\` does`);
    const declared = Object.entries<any>(doc.config ?? {}).filter(([, v]) => v && typeof v === "object" && v.secret === true);
    const defaults = Object.fromEntries(
        Object.entries<any>(doc.config ?? {}).flatMap(([k, v]) => {
            const value = v && typeof v === "object" && !Array.isArray(v) ? (v.value ?? v.default) : v;
            return value === undefined ? [] : [[qualified(doc.name, k), value]];
        }),
    );
    const packages = Object.fromEntries(
        Object.entries<any>(doc.packages ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : String(v?.source ?? JSON.stringify(v))]),
    );
    const plugins = Object.entries<any>(doc.plugins ?? {}).flatMap(([kind, list]) =>
        (Array.isArray(list) ? list : []).map((p: any) => `${kind.replace(/s$/, "")} ${p?.name ?? "?"} (${p?.path ?? "no path"})`),
    );
    return {
        dir,
        name: doc.name,
        runtime,
        stackConfigDir: path.resolve(dir, typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : "."),
        secretKeys: declared.map(([k]) => qualified(doc.name, k)),
        defaults,
        packages,
        plugins,
    };
}

/** A `--config` value: `key=value`, the key as `pulumi config set` takes it (no namespace: the project's). */
export interface ConfigValue {
    key: string;
    value: string;
}

/** The project's namespace on a key without one, as the CLI adds it. */
export const qualified = (project: string, key: string) => (key.includes(":") ? key : `${project}:${key}`);

/** Every `secure:` value of a stack file's config, by its key (`ns:key`, or a path into it: `ns:db.password`). */
function secureKeys(config: Record<string, unknown>): string[] {
    const found: string[] = [];
    const walk = (value: unknown, key: string) => {
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`));
        else if (value && typeof value === "object") {
            const entries = Object.entries(value);
            if (entries.length === 1 && entries[0][0] === "secure") found.push(key);
            else for (const [k, v] of entries) walk(v, `${key}.${k}`);
        }
    };
    for (const [k, v] of Object.entries(config ?? {})) walk(v, k);
    return found;
}

/** Removes the values at these keys (paths as secureKeys gives them) from a config object. */
function withoutKeys(config: Record<string, any>, keys: string[]): Record<string, any> {
    const copy = structuredClone(config);
    for (const key of keys) {
        const [top, ...rest] = key.split(/\.|(?=\[)/);
        if (rest.length === 0) {
            delete copy[top];
            continue;
        }
        let parent: any = copy[top];
        const steps = rest.map((s) => (s.startsWith("[") ? Number(s.slice(1, -1)) : s));
        for (const s of steps.slice(0, -1)) parent = parent?.[s];
        const last = steps[steps.length - 1];
        if (Array.isArray(parent) && typeof last === "number") parent[last] = null;
        else if (parent) delete parent[last];
    }
    return copy;
}

export interface StackConfig {
    /** The user's stack file, if there is one. */
    file?: string;
    /** What the scratch copy holds (undefined: no file, the CLI starts an empty one). */
    text?: string;
    /** Whether the user's passphrase decrypts the file's secure values (else a throwaway passphrase is used). */
    usesUserPassphrase: boolean;
    /** Keys whose value is secret (the file's secure ones, those Pulumi.yaml declares secret): a `--config` value given
     * for one is set as a secret. */
    secretKeys: string[];
    /** `aws:region` as the file sets it, for the simulated account's default region. */
    region?: string;
    notes: string[];
}

const passphraseGiven = (env: NodeJS.ProcessEnv) => !!(env.PULUMI_CONFIG_PASSPHRASE || env.PULUMI_CONFIG_PASSPHRASE_FILE);

/**
 * The scratch copy of `Pulumi.<stack>.yaml`. Secure values are used when the stack's passphrase is in the environment
 * (the only secrets provider that works without a cloud account); otherwise every one must be given with `--config`,
 * and the copy leaves them out, with the salt and provider that would need the user's passphrase.
 */
export function stackConfig(project: Project, stack: string, overrides: ConfigValue[], env: NodeJS.ProcessEnv): StackConfig {
    const file = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        // Planning a project that has stacks without naming one is most likely a slip: say which there are.
        const others = fs.existsSync(project.stackConfigDir)
            ? fs.readdirSync(project.stackConfigDir).filter((f) => /^Pulumi\.[^.]+\.ya?ml$/.test(f))
            : [];
        const notes = others.length
            ? [
                  `no ${path.basename(file)}: the program gets Pulumi.yaml's defaults and --config only (${others.join(", ")} ` +
                      `${others.length === 1 ? "is" : "are"} there: --stack names one)`,
              ]
            : [];
        return { usesUserPassphrase: false, secretKeys: project.secretKeys, notes };
    }
    const original = fs.readFileSync(file, "utf8");
    let doc: any;
    try {
        doc = yaml.load(original, { schema: SCHEMA }) ?? {};
    } catch (e) {
        throw new PlanError(`${file} is not readable YAML: ${(e as Error).message}`);
    }
    const notes: string[] = [];
    const config: Record<string, any> = doc.config ?? {};
    const secure = secureKeys(config);
    const provider: string | undefined = doc.secretsprovider;
    const decryptable = doc.encryptionsalt !== undefined && (provider === undefined || provider === "passphrase") && passphraseGiven(env);
    const given = new Set(overrides.map((o) => qualified(project.name, o.key)));
    const region = typeof config["aws:region"] === "string" ? config["aws:region"] : undefined;
    const copy: Record<string, unknown> = { ...doc };
    if (doc.environment !== undefined) {
        // Pulumi ESC environments need Pulumi Cloud; the values they would add must come from --config.
        delete copy.environment;
        notes.push(
            `${path.basename(file)}'s \`environment:\` (Pulumi ESC) is not read by the plan: pass the values it provides with --config`,
        );
    }
    const dump = (o: unknown) => yaml.dump(o, { schema: SCHEMA, lineWidth: -1 });
    // Values given with --config need no decrypting; the others need the stack's passphrase.
    const missing = secure.filter((k) => !given.has(k));
    if (missing.length > 0 && decryptable) {
        return {
            file,
            text: doc.environment === undefined ? original : dump(copy),
            usesUserPassphrase: true,
            secretKeys: [...new Set([...secure, ...project.secretKeys])],
            region,
            notes,
        };
    }
    if (missing.length > 0) {
        const example = missing[0].startsWith(`${project.name}:`) ? missing[0].slice(project.name.length + 1) : missing[0];
        const pass =
            `pass ${missing.length === 1 ? "it" : "each"} with --config (e.g. --config ` +
            `${example}=VALUE${/[.[]/.test(example) ? " --config-path" : ""}); the plan keeps such ` +
            `values secret.`;
        const how =
            provider !== undefined && provider !== "passphrase"
                ? `They are encrypted by ${provider.replace(/:\/\/.*/, "://…")}, which the plan does not call ` +
                  `(it uses no cloud account): ${pass}`
                : doc.encryptionsalt === undefined
                  ? `They are encrypted by Pulumi Cloud, which the plan does not call: ${pass}`
                  : `Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase, or ${pass}`;
        throw new PlanError(`${file} has secure values the plan cannot decrypt here: ${missing.map((k) => `\`${k}\``).join(", ")}. ${how}`);
    }
    for (const key of ["encryptionsalt", "secretsprovider", "encryptedkey"]) delete copy[key];
    copy.config = withoutKeys(config, secure);
    return {
        file,
        text: dump(copy),
        usesUserPassphrase: false,
        secretKeys: [...new Set([...secure, ...project.secretKeys])],
        region,
        notes,
    };
}
