// `apprunner-private plan`: runs a Pulumi TypeScript program under the AWS-faithful mocks, with no credentials
// and no Pulumi CLI, and reports what it would create, its outputs, warnings and errors, the policy pack's
// findings and the endpoints' cost. Values AWS computes (ids, ARNs, domain names) are simulated.
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import * as fs from "node:fs";
import * as path from "node:path";
import { AwsMocks, Registration, setProjectConfig, valueOf } from "../testing/mocks";
import { Diagnostic, TestResource as AnalyzedResource, UNKNOWN_VALUE, analyzeAll } from "./analyze";
import { CostEstimate, DEFAULT_PRICE_PER_AZ_HOUR, estimateCost } from "./cost";

/** A problem with the program itself (missing, not TypeScript/JavaScript, failing to load): exit code 2. */
export class PlanError extends Error {}

export interface PlanOptions {
    /** The program's directory, holding Pulumi.yaml. */
    dir: string;
    /** Config values, `key=value` as `pulumi config set` takes them (a key without a namespace is the project's). */
    config?: Record<string, string>;
    stack?: string;
    pricePerAzHour?: number;
    /** Called as resources are registered, for progress on long programs. */
    onProgress?: (registered: number) => void;
}

export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; "" for top-level resources. */
    parent: string;
    custom: boolean;
    inputs: Record<string, unknown>;
}

export interface PlanResult {
    project: string;
    dir: string;
    resources: PlannedResource[];
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: string[];
    findings: Diagnostic[];
    cost: CostEstimate;
    /** 0: fine; 1: validation errors or mandatory policy violations. */
    exitCode: 0 | 1;
    /** The registrations as the mocks saw them (for the diagram). */
    registrations: Registration[];
}

const SERIALIZING = /^(error serializing property "[^"]+": )+/;

function readProject(dir: string): { name: string; main: string; config: Record<string, string> } {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new PlanError(`no Pulumi.yaml in ${dir}: give the directory of a Pulumi project`);
    const project: any = yaml.load(fs.readFileSync(file, "utf8"));
    const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime?.name;
    if (runtime !== "nodejs") throw new PlanError(`${file} has runtime ${JSON.stringify(runtime)}: the plan runs TypeScript and JavaScript (nodejs) programs`);
    const defaults = Object.entries<any>(project.config ?? {}).flatMap(([k, v]) =>
        v && typeof v === "object" && "default" in v ? [[k, typeof v.default === "string" ? v.default : JSON.stringify(v.default)]] : [],
    );
    return { name: project.name, main: path.resolve(dir, project.main ?? "."), config: Object.fromEntries(defaults) };
}

/** TypeScript programs are transpiled on load, as Pulumi's Node.js host does, without type-checking. */
function registerTypeScript(dir: string) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tsnodeRequire, typescriptRequire } = require("@pulumi/pulumi/tsutils").typeScriptRequireStrings();
    const project = path.join(dir, "tsconfig.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(tsnodeRequire).register({
        transpileOnly: true,
        compiler: typescriptRequire,
        ...(fs.existsSync(project)
            ? { project, compilerOptions: { sourceMap: true } }
            : // Pulumi's Node.js host's defaults for a program without tsconfig.json.
              { skipProject: true, compilerOptions: { target: "ES2020", module: "commonjs", moduleResolution: "node", esModuleInterop: true, sourceMap: true } }),
    });
}

/**
 * A program that imports this package but has not installed it (an example in this repository, say) gets the
 * plan's own copy: the plan is this package, so the versions cannot differ.
 */
function resolveThisPackage() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require("node:module");
    const self = "@apprunner-private/apprunner-private";
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request: string, ...rest: unknown[]) {
        try {
            return resolve.call(this, request, ...rest);
        } catch (e) {
            if (request !== self && !request.startsWith(`${self}/`)) throw e;
            return resolve.call(this, path.join(__dirname, "..", request === self ? "index.js" : `${request.slice(self.length + 1)}/index.js`), ...rest);
        }
    };
}

/** The engine's encoding of a value for a policy pack: unknowns as its sentinel. */
function encode(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN_VALUE;
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, encode(v)]));
    }
    return value;
}

/** Registrations as the engine hands them to a policy pack: inputs during a preview, outputs after. */
export function toAnalyzed(mocks: AwsMocks): AnalyzedResource[] {
    return mocks.registrations.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: encode(mocks.preview ? r.engineInputs : { ...r.state }) as Record<string, unknown>,
        deleteBeforeReplace: r.deleteBeforeReplace,
        depUrns: r.propertyDependencies,
    }));
}

export async function plan(opts: PlanOptions): Promise<PlanResult> {
    const dir = path.resolve(opts.dir);
    const project = readProject(dir);
    const ours = require.resolve("@pulumi/pulumi");
    let theirs: string;
    try {
        theirs = require.resolve("@pulumi/pulumi", { paths: [project.main, dir] });
    } catch {
        throw new PlanError(`the program in ${dir} cannot load @pulumi/pulumi: run \`npm install\` there first`);
    }
    if (theirs !== ours) {
        throw new PlanError(`the program in ${dir} uses another copy of @pulumi/pulumi (${theirs}): run the plan installed in that program (npx apprunner-private plan)`);
    }

    const mocks = new AwsMocks().install(project.name, opts.stack ?? "plan");
    setProjectConfig(project.name, { ...project.config, ...opts.config });
    const warnings: string[] = [];
    const errors: string[] = [];
    const log = pulumi.log as any;
    const saved = { warn: log.warn, error: log.error };
    log.warn = (msg: string) => warnings.push(msg);
    log.error = (msg: string) => errors.push(msg);
    try {
        registerTypeScript(dir);
        resolveThisPackage();
        let exported: Record<string, unknown>;
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(require.resolve(project.main));
        } catch (e) {
            if (pulumi.ResourceError.isInstance(e)) {
                errors.push((e as Error).message);
                exported = {};
            } else {
                // The message without the stack: a TypeScript error's diagnostics follow its first line.
                const message = String((e as Error)?.message ?? e)
                    .split("\n")
                    .filter((l) => l.trim() && !/^\s+at /.test(l))
                    .join("\n");
                throw new PlanError(`the program failed to load: ${message}`);
            }
        }
        const outputs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(exported ?? {})) {
            try {
                outputs[k] = pulumi.Output.isInstance(v) ? await valueOf(v) : v;
            } catch {
                outputs[k] = undefined; // the failure is among the errors below
            }
        }
        await mocks.settle(opts.onProgress);
        for (const e of mocks.unhandled) errors.push(String(e?.message ?? e).replace(SERIALIZING, ""));
        const findings = await analyzeAll(toAnalyzed(mocks));
        const resources: PlannedResource[] = mocks.registrations.map((r) => ({
            urn: r.urn ?? "",
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            inputs: r.inputs,
        }));
        const uniqueErrors = [...new Set(errors)];
        return {
            project: project.name,
            dir,
            resources,
            outputs,
            warnings,
            errors: uniqueErrors,
            findings,
            cost: estimateCost(resources, opts.pricePerAzHour ?? DEFAULT_PRICE_PER_AZ_HOUR),
            exitCode: uniqueErrors.length > 0 || findings.some((f) => f.level === "mandatory") ? 1 : 0,
            registrations: mocks.registrations,
        };
    } finally {
        Object.assign(log, saved);
    }
}
