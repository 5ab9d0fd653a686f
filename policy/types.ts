// The policy rules' own model, independent of @pulumi/policy: resources as plain data in which a value not
// known yet (a preview) is the UNKNOWN symbol, and findings a rule returns. `adapter.ts` maps both to the
// Pulumi policy SDK; the rules stay pure functions that tests call directly.

/** A value that is not known yet: during a preview, outputs of resources not created yet. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

/** One resource of a stack as a rule sees it. */
export interface ResourceView {
    urn: string;
    type: string;
    name: string;
    /** Inputs during a preview, outputs after; unknown values are UNKNOWN. */
    props: Record<string, unknown>;
    /** For each top-level property, the URNs of the resources its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** The resource option, when the engine reports it. */
    deleteBeforeReplace?: boolean;
}

/** What a rule found. A rule that returns no finding found its resources compliant. */
export type Finding =
    | { outcome: "non-compliant"; message: string; urn?: string }
    /** A value the rule needs is unknown (a preview) or outside the stack: reported as advisory. */
    | { outcome: "could-not-check"; message: string; urn?: string }
    | { outcome: "not-applicable"; reason: string };

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";

interface RuleBase<Config> {
    /** Stable id: the policy's name in every pack. Never renamed. */
    id: string;
    /** One sentence: what a compliant stack does. Shown with every violation. */
    description: string;
    /** Why the rule exists, with its source. */
    explanation: string;
    enforcementLevel: EnforcementLevel;
    /** JSON schema of the rule's own settings, with defaults; the pack's config sets them. */
    configSchema?: { properties: Record<string, object> };
    defaults?: Config;
}

export interface ResourceRule<Config = Record<string, never>> extends RuleBase<Config> {
    scope: "resource";
    check(resource: ResourceView, config: Config): Finding[];
}

export interface StackRule<Config = Record<string, never>> extends RuleBase<Config> {
    scope: "stack";
    check(resources: ResourceView[], config: Config): Finding[];
}

export type Rule = ResourceRule<any> | StackRule<any>;

export const notApplicable = (reason: string): Finding[] => [{ outcome: "not-applicable", reason }];
