// What one `pulumi up --json` or streaming `pulumi preview --json` says, read from its engine events (one JSON object a
// line): the resources with their inputs and outputs, the stack's outputs, the diagnostics and the policy findings.
// Secrets arrive as Pulumi's secret objects (their ciphertext already "[secret]") and are shown as "[secret]"; values
// not known in a preview arrive as the engine's sentinel and are shown as "[unknown]".

import { stripVTControlCharacters } from "node:util";

/** The engine's marker for a value not known during a preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The key and value that mark a secret object in Pulumi's JSON (sig.Secret). */
const SECRET_SIGNATURE = ["4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"] as const;

export const SECRET = "[secret]";
export const UNKNOWN = "[unknown]";

/** A value with every secret object replaced by "[secret]" and every unknown by "[unknown]". */
export function clean(value: unknown): unknown {
    if (value === UNKNOWN_VALUE) return UNKNOWN;
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === "object") {
        if ((value as Record<string, unknown>)[SECRET_SIGNATURE[0]] === SECRET_SIGNATURE[1]) return SECRET;
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    }
    return value;
}

export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; "" for resources of the stack itself. */
    parent: string;
    custom: boolean;
    /** AWS's id (invented by the stand-in); undefined when the resource was never created. */
    id?: string;
    inputs: Record<string, any>;
    outputs?: Record<string, any>;
}

export interface Finding {
    policy: string;
    level: "advisory" | "mandatory";
    /** The rule's description, then what it found. */
    message: string;
    urn: string;
}

export interface PolicyPack {
    name: string;
    version: string;
}

export interface RunReport {
    resources: Map<string, PlannedResource>;
    /** The stack's outputs, when the program got as far as registering them. */
    outputs?: Record<string, unknown>;
    errors: string[];
    warnings: string[];
    /** What the program wrote to stderr (Pulumi YAML's errors arrive only this way). */
    stderr: string[];
    findings: Finding[];
    /** summaryEvent.result: "succeeded" or "failed"; undefined when the CLI stopped before its summary. */
    result?: string;
    /** The policy packs the engine ran, from the summary. */
    policyPacks: PolicyPack[];
    /** The stack's configuration as the engine ran it (secure values "[secret]"). */
    config: Record<string, unknown>;
    /** What each step did to a resource, by URN: create, update, replace, delete, import, same (a replace's steps as one). */
    steps: Map<string, Step>;
}

export interface Step {
    op: string;
    type: string;
    name: string;
}

/** The engine's step operations a replacement is made of, reported as one "replace". */
const REPLACING = ["replace", "create-replacement", "delete-replaced", "discard-replaced"];

const STACK_TYPE = "pulumi:pulumi:Stack";
const typeOf = (urn: string) => urn.split("::")[2]?.split("$").pop() ?? "";
const nameOf = (urn: string) => urn.split("::").slice(3).join("::");

/** Warnings about the stand-in itself, which the user can do nothing about. */
const STANDIN_NOISE = [/^using pulumi-resource-aws from \$PATH/, /^resource plugin aws is expected to have version/];

/** A diagnostic's text: no colour codes, and no JavaScript stack (its first `at` line and what follows). */
export function messageOf(raw: string): string {
    const lines = stripVTControlCharacters(raw)
        .replace(/<ref \*\d+> /g, "")
        .split("\n");
    const stack = lines.findIndex((l) => /^\s+at \S/.test(l));
    return (stack >= 0 ? lines.slice(0, stack) : lines).join("\n").trim();
}

/** `PrivateEndpoint "api": <message>`, as the plan names a resource's problem; the stack's own without a name. */
export function describe(urn: string | undefined, message: string): string {
    if (!urn || typeOf(urn) === STACK_TYPE) return message;
    return `${typeOf(urn).split(":").pop()} "${nameOf(urn)}": ${message}`;
}

export function readEvents(stdout: string): RunReport {
    const report: RunReport = {
        resources: new Map(),
        errors: [],
        warnings: [],
        stderr: [],
        findings: [],
        config: {},
        policyPacks: [],
        steps: new Map(),
    };
    const add = (list: string[], text: string) => {
        if (text && !list.includes(text)) list.push(text);
    };
    for (const line of stdout.split("\n")) {
        let event: any;
        try {
            event = JSON.parse(line);
        } catch {
            continue; // not an event (the CLI prints nothing else with --json, but a line may be cut short)
        }
        if (event.preludeEvent) report.config = clean(event.preludeEvent.config ?? {}) as Record<string, unknown>;
        const pre = event.resourcePreEvent?.metadata;
        if (pre?.urn && pre.type !== STACK_TYPE && !String(pre.type ?? "").startsWith("pulumi:providers:")) {
            const op = REPLACING.includes(pre.op) ? "replace" : pre.op;
            const known = report.steps.get(pre.urn);
            if (!known || known.op === "same" || op === "replace")
                report.steps.set(pre.urn, { op, type: typeOf(pre.urn), name: nameOf(pre.urn) });
        }
        const step = (event.resourcePreEvent ?? event.resOutputsEvent)?.metadata;
        if (step?.new) {
            const s = step.new;
            if (s.type === STACK_TYPE) {
                if (event.resOutputsEvent) report.outputs = clean(s.outputs ?? {}) as Record<string, unknown>;
                continue;
            }
            const known = report.resources.get(s.urn);
            report.resources.set(s.urn, {
                urn: s.urn,
                type: s.type,
                name: nameOf(s.urn),
                parent: !s.parent || typeOf(s.parent) === STACK_TYPE ? "" : s.parent,
                custom: !!s.custom,
                id: s.id || known?.id || undefined,
                inputs: clean(s.inputs ?? {}) as Record<string, any>,
                // A preview's outputs are its inputs; a resource has real ones once created (an `id`).
                outputs: s.id && event.resOutputsEvent ? (clean(s.outputs ?? {}) as Record<string, any>) : known?.outputs,
            });
        }
        const d = event.diagnosticEvent;
        if (d) {
            const text = messageOf(d.message ?? "");
            if (d.severity === "error" && !/^(update|preview|destroy|refresh) failed$/.test(text))
                add(report.errors, describe(d.urn, text));
            else if (d.severity === "warning" && !STANDIN_NOISE.some((r) => r.test(text))) add(report.warnings, describe(d.urn, text));
            else if (d.severity === "info#err") add(report.stderr, text);
        }
        const p = event.policyEvent;
        if (p) {
            const finding = {
                policy: p.policyName,
                level: p.enforcementLevel,
                message: stripVTControlCharacters(p.message ?? "").trim(),
                urn: p.resourceUrn ?? "",
            };
            if (!report.findings.some((f) => f.policy === finding.policy && f.urn === finding.urn && f.message === finding.message))
                report.findings.push(finding);
        }
        if (event.summaryEvent) {
            report.result = event.summaryEvent.result;
            // Keyed "<name>|local|<path, shortened>", the version as the value.
            report.policyPacks = Object.entries<string>(event.summaryEvent.PolicyPacks ?? {}).map(([key, version]) => ({
                name: key.split("|")[0],
                version,
            }));
        }
    }
    return report;
}
