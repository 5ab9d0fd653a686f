// Maps the rules onto @pulumi/policy: resources into ResourceViews (unknown values become UNKNOWN), and
// findings into the analyzer's vocabulary.
import * as policy from "@pulumi/policy";
import { asConnection } from "./resources";
import { Finding, ResourceView, Rule, UNKNOWN } from "./types";

// The SDK's sentinels for unknown values, and the key that unwraps its unknown-checking proxy: runtime
// exports of @pulumi/policy that its type declarations leave out.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module's declarations leave these exports out
const proxy: Record<string, string> = require("@pulumi/policy/proxy");
const SENTINELS = new Set(
    [
        "unknownBooleanValue",
        "unknownNumberValue",
        "unknownStringValue",
        "unknownArrayValue",
        "unknownAssetValue",
        "unknownArchiveValue",
        "unknownObjectValue",
    ].map((k) => proxy[k]),
);

function plain(value: unknown): unknown {
    if (typeof value === "string" && SENTINELS.has(value)) return UNKNOWN;
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    return value;
}

/**
 * A resource as @pulumi/policy hands it to a policy (resource or stack validation) as a ResourceView; a VPC ingress
 * connection made through Cloud Control as the AWS provider's connection (`asConnection`).
 */
export function toResourceView(r: {
    urn: string;
    type: string;
    name: string;
    props: Record<string, any>;
    opts?: { deleteBeforeReplace?: boolean };
    propertyDependencies?: Record<string, { urn: string }[]>;
}): ResourceView {
    const raw = (r.props as any)[proxy.getSpecialProxyTarget] ?? r.props;
    return asConnection({
        urn: r.urn,
        type: r.type,
        name: r.name,
        props: plain(raw) as Record<string, unknown>,
        propertyDependencies: Object.fromEntries(
            Object.entries(r.propertyDependencies ?? {}).map(([k, deps]) => [k, deps.map((d) => d.urn)]),
        ),
        deleteBeforeReplace: r.opts?.deleteBeforeReplace,
    });
}

/**
 * Reports findings: violations at the rule's level; could-not-check at "advisory", whatever the rule's level
 * (a preview must not fail on values it cannot know), through the object form @pulumi/policy's
 * reportViolation also takes; not-applicable when that is all the rule found.
 */
function report(rule: Rule, findings: Finding[], reportViolation: policy.ReportViolation, notApplicable: (reason: string) => never): void {
    const reportAny = reportViolation as unknown as (
        v: string | { message: string; urn?: string; enforcementLevel: string },
        urn?: string,
    ) => void;
    for (const f of findings) {
        if (f.outcome === "non-compliant") reportAny(f.message, f.urn);
        if (f.outcome === "could-not-check") {
            reportAny({ message: `${rule.description}\ncould not check: ${f.message}`, urn: f.urn, enforcementLevel: "advisory" });
        }
    }
    const [first] = findings;
    if (first?.outcome === "not-applicable" && findings.length === 1) notApplicable(first.reason);
}

/** The rules as @pulumi/policy policies, named by rule id, each with its default enforcement level. */
export function toPolicies(rules: Rule[]): policy.Policies {
    return rules.map((rule): policy.ResourceValidationPolicy | policy.StackValidationPolicy => {
        const base = {
            name: rule.id,
            description: rule.description,
            enforcementLevel: rule.enforcementLevel,
            ...(rule.configSchema ? { configSchema: rule.configSchema as policy.PolicyConfigSchema } : {}),
        };
        const config = (args: { getConfig<T extends object>(): T }) => ({ ...rule.defaults, ...args.getConfig<object>() });
        return rule.scope === "resource"
            ? {
                  ...base,
                  validateResource: (args, reportViolation) =>
                      report(rule, rule.check(toResourceView(args), config(args)), reportViolation, args.notApplicable),
              }
            : {
                  ...base,
                  validateStack: (args, reportViolation) =>
                      report(rule, rule.check(args.resources.map(toResourceView), config(args)), reportViolation, args.notApplicable),
              };
    });
}
