// Drives the policy rules through @pulumi/policy's real analyzer entry points (makeAnalyzeRpcFun,
// makeAnalyzeStackRpcFun) with protobuf requests, as the Pulumi CLI does, and reads back the diagnostics; and gives
// the stacks the mocks registered as the engine hands them to a policy pack. For the tests: the plan runs the pack in
// the engine.
import * as pulumi from "@pulumi/pulumi";
import { AwsMocks } from "../plan/mocks";
import { rules, toPolicies } from "../policy/index";

/* eslint-disable @typescript-eslint/no-require-imports -- untyped runtime exports and generated gRPC modules without declarations */
// The analyzer entry points the policy pack's gRPC server uses; @pulumi/policy exports them from server.js
// without declaring them in its types.
type RpcFun = (call: { request: unknown }, callback: (err: any, resp: any) => void) => unknown;
const {
    makeAnalyzeRpcFun,
    makeAnalyzeStackRpcFun,
}: Record<string, (name: string, version: string, level: string, policies: unknown) => RpcFun> = require("@pulumi/policy/server");
const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The engine's marker for a value not known during a preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A resource as the engine describes it to an analyzer. */
export interface TestResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    deleteBeforeReplace?: boolean;
    /** Property name to the names (in the same stack) of the resources its value came from. */
    deps?: Record<string, string[]>;
    /** The URN, when the resource has a parent (the default has none). */
    urn?: string;
    /** Property name to the URNs its value came from (for resources with `urn`). */
    depUrns?: Record<string, string[]>;
}

export const urnOf = (r: { type: string; name: string; urn?: string }) => r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}`;

export interface Diagnostic {
    policy: string;
    level: "advisory" | "mandatory";
    message: string;
    urn: string;
}

export interface Analysis {
    diagnostics: Diagnostic[];
    notApplicable: { policy: string; reason: string }[];
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

function options(r: TestResource) {
    const o = new analyzerproto.AnalyzerResourceOptions();
    o.setDeletebeforereplace(r.deleteBeforeReplace ?? false);
    o.setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined);
    return o;
}

function invoke(fn: RpcFun, request: any): Promise<Analysis> {
    return new Promise((resolve, reject) =>
        fn({ request }, (err, resp) => {
            if (err) return reject(err);
            resolve({
                diagnostics: resp.getDiagnosticsList().map((d: any) => ({
                    policy: d.getPolicyname(),
                    level: LEVELS[d.getEnforcementlevel()],
                    message: d.getMessage(),
                    urn: d.getUrn(),
                })),
                notApplicable: resp.getNotApplicableList().map((n: any) => ({ policy: n.getPolicyName(), reason: n.getReason() })),
            });
        }),
    );
}

const PACK = ["apprunner-private", "0.1.0", "advisory"] as const;
const policies = toPolicies(rules);

/** Fills what an AnalyzeRequest and a stack's AnalyzerResource share. */
function describe<T>(req: T & Record<string, (v: unknown) => void>, r: TestResource): T {
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(urnOf(r));
    req.setProperties(structproto.Struct.fromJavaScript(r.props));
    req.setOptions(options(r));
    return req;
}

/** One resource through every resource rule (AnalyzeRequest). */
export function analyze(r: TestResource): Promise<Analysis> {
    return invoke(makeAnalyzeRpcFun(...PACK, policies), describe(new analyzerproto.AnalyzeRequest(), r));
}

/** A whole stack through every stack rule (AnalyzeStackRequest). */
export function analyzeStack(resources: TestResource[]): Promise<Analysis> {
    const req = new analyzerproto.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            const ar = describe(new analyzerproto.AnalyzerResource(), r);
            const all = new Set<string>();
            const byName = Object.entries(r.deps ?? {}).map(
                ([p, names]) => [p, names.map((n) => urnOf(resources.find((x) => x.name === n)!))] as const,
            );
            for (const [prop, urns] of [...byName, ...Object.entries(r.depUrns ?? {})]) {
                urns.forEach((u) => all.add(u));
                const deps = new analyzerproto.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                ar.getPropertydependenciesMap().set(prop, deps);
            }
            ar.setDependenciesList([...all]);
            return ar;
        }),
    );
    return invoke(makeAnalyzeStackRpcFun(...PACK, policies), req);
}

/** Resource and stack analysis together, as `pulumi preview --policy-pack` runs both. */
export async function analyzeAll(resources: TestResource[]): Promise<Diagnostic[]> {
    const perResource = await Promise.all(resources.map(analyze));
    const stack = await analyzeStack(resources);
    return [...perResource.flatMap((a) => a.diagnostics), ...stack.diagnostics];
}

/** The engine's encoding of a value for a policy pack: unknowns as its sentinel. */
function encode(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN_VALUE;
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, v]) => v !== undefined)
                .map(([k, v]) => [k, encode(v)]),
        );
    }
    return value;
}

/** The mocks' registrations as the engine hands them to a policy pack: inputs during a preview, outputs after. */
export function toAnalyzed(mocks: AwsMocks): TestResource[] {
    return mocks.registrations.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: encode(mocks.preview ? r.engineInputs : { ...r.state }) as Record<string, unknown>,
        deleteBeforeReplace: r.deleteBeforeReplace,
        depUrns: r.propertyDependencies,
    }));
}
