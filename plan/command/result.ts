// The plan's result from what the engine reported: resources, outputs, findings and cost, every secret masked.
import { AccountState } from "../aws";
import { MODELLED_TYPES } from "../provider";
import { CostEstimate, estimateCost } from "./cost";
import { runPulumi } from "./engine";
import { Finding, PlannedResource, PolicyPack, RunReport, SECRET, Step } from "./events";

import { failed } from "./failures";
import { masked } from "./mask";

export interface PlanResult {
    project: string;
    dir: string;
    stack: string;
    region: string;
    /** The `pulumi version` that ran the program. */
    pulumi: string;
    resources: PlannedResource[];
    /** Stack outputs; a secret one is "[secret]". */
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: string[];
    /** What the plan did on the program's behalf, and what it did not read. */
    notes: string[];
    /** The policy packs the engine ran (this package's), and the directory it was given. */
    policyPacks: (PolicyPack & { path: string })[];
    findings: Finding[];
    cost: CostEstimate;
    /** 0: fine; 1: the program's errors or mandatory policy violations. */
    exitCode: 0 | 1;
    /** Availability Zones of the subnets the account had before the program (for the diagram). */
    zones: Record<string, string>;
    /** How the plan kept the program from anything real: which providers could run, and whether the network could. */
    sealed: string;
    /**
     * A later run of a rehearsal (`--keep`): what the run did to what the last one left, as `pulumi up` reports its
     * steps (create, update, replace, delete, import, ...; a replacement's steps as one "replace"), unchanged ones left out.
     */
    changes?: Step[];
}

/** The plain text of the stack's secret configuration values (`pulumi config --show-secrets` in the scratch project). */
export async function secretValues(pulumi: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string[]> {
    const r = await runPulumi(pulumi, ["config", ...args], opts);
    if (r.code !== 0) throw failed("config --show-secrets", r);
    const found = Object.values<{ value?: unknown; secret?: boolean }>(JSON.parse(r.stdout)).filter((v) => v.secret);
    // Structured values come as JSON text; their leaves are masked one by one, and so is the whole.
    const leaves = (v: unknown): string[] =>
        v && typeof v === "object" ? Object.values(v).flatMap(leaves) : v === undefined || v === null ? [] : [String(v)];
    const values = found.flatMap((v) => {
        const text = String(v.value);
        try {
            return [text, ...leaves(JSON.parse(text))];
        } catch {
            return [text];
        }
    });
    // Too short a value would mask ordinary words.
    return [...new Set(values)].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Progress every 100 resources the engine reports. */
export function progress(onProgress?: (n: number) => void): ((line: string) => void) | undefined {
    if (!onProgress) return undefined;
    let n = 0;
    return (line) => {
        if (line.includes('"resourcePreEvent"') && ++n % 100 === 0) onProgress(n);
    };
}

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const cancelled = (error: string) => /: context canceled$/.test(error);

/** What the plan knew before the engine ran. */
interface Setting {
    project: string;
    dir: string;
    stack: string;
    region: string;
    pulumi: string;
    pack: string;
    notes: string[];
    account: AccountState;
    /** Secret values to mask wherever they appear in text. */
    secrets: string[];
    pricePerAzHour?: number;
    sealed: string;
    /** A later run of a kept rehearsal: its changes against what the last run left are reported. */
    rehearsal: boolean;
}

/**
 * A resource whose `tags` (or some of its values) are secret, with `tagsAll`, which the provider computes from them, as
 * secret too: the engine marks only the inputs it was given secret, and the provider's copy of them comes back plain.
 */
function secretTagsKept(r: PlannedResource): PlannedResource {
    const tags = r.inputs.tags;
    const secretKeys = tags && typeof tags === "object" ? Object.keys(tags).filter((k) => tags[k] === SECRET) : [];
    if (tags !== SECRET && secretKeys.length === 0) return r;
    const hide = (all: unknown) =>
        tags === SECRET || !all || typeof all !== "object"
            ? all === undefined
                ? undefined
                : SECRET
            : { ...all, ...Object.fromEntries(secretKeys.map((k) => [k, SECRET])) };
    const withHidden = (props: Record<string, any> | undefined) =>
        props && "tagsAll" in props ? { ...props, tagsAll: hide(props.tagsAll) } : props;
    return { ...r, inputs: withHidden(r.inputs)!, outputs: withHidden(r.outputs) };
}

export function result(setting: Setting, up: RunReport, preview: RunReport | undefined): PlanResult {
    // The preview lists every resource; the update knows the ids and outputs of those it created. The engine reports
    // resources as their steps start, in no fixed order: sorted by type and name, a plan reads the same every time.
    const resources = [...(preview ?? up).resources.values()]
        .map((r) => {
            const created = up.resources.get(r.urn);
            return created?.id ? { ...r, id: created.id, outputs: created.outputs } : r;
        })
        .sort((a, b) => order(a.type, b.type) || order(a.name, b.name) || order(a.urn, b.urn))
        .map(secretTagsKept);
    const unique = (xs: string[]) => [...new Set(xs)];
    // When one step fails the engine cancels the others, and a policy pack's remediation under way reports that too.
    const errors = unique([...up.errors, ...(preview?.errors ?? [])]).filter(
        (e, _, all) => !(cancelled(e) && all.some((x) => !cancelled(x))),
    );
    // Pulumi YAML reports its errors on the program's stderr only.
    if (errors.length === 0 && up.result !== "succeeded") errors.push(...unique([...up.stderr, ...(preview?.stderr ?? [])]));
    const findings = (preview ?? up).findings;
    const notes = [
        ...setting.notes,
        ...resources
            .filter((r) => r.custom && r.type.startsWith("aws:") && !MODELLED_TYPES.includes(r.type))
            .map((r) => `${r.type} "${r.name}" is not modelled by the plan: created with a generated id and ARN, its inputs unchecked`),
    ];
    if (resources.some((r) => r.custom && !r.id)) {
        notes.push(
            "the update stopped early: the resources it did not create are shown as a preview shows " +
                'them, values not known yet as "[unknown]"',
        );
    }
    const mandatory = findings.some((f) => f.level === "mandatory");
    if (up.result !== "succeeded" && errors.length === 0 && !mandatory) errors.push("`pulumi up` failed and gave no reason");
    return masked<PlanResult>(
        {
            project: setting.project,
            dir: setting.dir,
            stack: setting.stack,
            region: typeof up.config["aws:region"] === "string" ? (up.config["aws:region"] as string) : setting.region,
            pulumi: setting.pulumi,
            resources,
            outputs: up.outputs ?? preview?.outputs ?? {},
            warnings: unique([...up.warnings, ...(preview?.warnings ?? [])]),
            errors,
            notes,
            policyPacks: (preview ?? up).policyPacks.map((p) => ({ ...p, path: setting.pack })),
            findings,
            cost: estimateCost(resources, setting.pricePerAzHour),
            exitCode: errors.length > 0 || mandatory ? 1 : 0,
            zones: Object.fromEntries(setting.account.subnets.map((s) => [s.SubnetId, s.AvailabilityZone])),
            sealed: setting.sealed,
            ...(setting.rehearsal
                ? {
                      changes: [...(preview ?? up).steps.values()]
                          .filter((c) => c.op !== "same")
                          .sort((a, b) => order(a.type, b.type) || order(a.name, b.name)),
                  }
                : {}),
        },
        setting.secrets,
    );
}
