// `apprunner-private plan`: runs a Pulumi TypeScript program under the AWS-faithful mocks, with no credentials
// and no Pulumi CLI, and reports what it would create, its outputs, warnings and errors, the policy pack's
// findings and the endpoints' cost. Values AWS computes (ids, ARNs, domain names) are simulated.
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describeFailure } from "../../sdk/errors";
import { resolve } from "../../sdk/known";
import { AwsMocks, Registration, Topology, setProjectConfig } from "../mocks";
import { SECRET } from "../../sdk/validation";
import { Diagnostic, TestResource as AnalyzedResource, UNKNOWN_VALUE, analyzeAll } from "./analyze";
import { CostEstimate, estimateCost } from "./cost";

/** The tool's own limits, or a program that does not load: exit code 2. */
export class PlanError extends Error {}

export interface PlanOptions {
    /** The program's directory, holding Pulumi.yaml. */
    dir: string;
    /** Config values, `key=value` as `pulumi config set` takes them (a key without a namespace is the project's). */
    config?: Record<string, string>;
    stack?: string;
    /** USD per endpoint-AZ-hour for every endpoint; default: each endpoint's region's price. */
    pricePerAzHour?: number;
    /** Type-check the program before running it, as Pulumi's Node.js host does. Default: true. */
    typecheck?: boolean;
    /** Existing VPCs and subnets the program looks up. */
    topology?: Topology;
    /** Outputs of the stacks the program references, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
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
    region: string;
    resources: PlannedResource[];
    /** Stack outputs; a secret one is "[secret]". */
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: string[];
    /** What the plan did on the program's behalf: resources it does not model, passed through. */
    notes: string[];
    findings: Diagnostic[];
    cost: CostEstimate;
    /** 0: fine; 1: the program's errors or mandatory policy violations. */
    exitCode: 0 | 1;
    /** The registrations as the mocks saw them, and the zones of subnets (for the diagram). */
    registrations: Registration[];
    zoneOf: (subnetId: string) => string | undefined;
}

/** AWS App Runner's availability, said first wherever the package speaks to a user who may adopt it. */
export const AVAILABILITY =
    "AWS App Runner is closed to new customers since 2026; existing customers keep full use, AWS plans no new features " +
    "and points new users to Amazon ECS Express Mode (https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).";

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

const SELF = "@apprunner-private/apprunner-private";

function canResolve(request: string, dir: string): boolean {
    try {
        // Resolved as a module in `dir` would: `require.resolve(_, { paths })` also tries this package's self-reference.
        createRequire(path.join(dir, "index.js")).resolve(request);
        return true;
    } catch {
        return false;
    }
}

/** The file Pulumi's Node.js host would run for `main`: the file, or a directory's package.json main or index. */
function entryOf(main: string): string {
    if (!fs.existsSync(main) || !fs.statSync(main).isDirectory()) {
        const file = [main, `${main}.ts`, `${main}.js`].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
        if (!file) throw new PlanError(`the program's main, ${main}, does not exist`);
        return file;
    }
    const pkg = path.join(main, "package.json");
    const declared = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, "utf8")).main : undefined;
    const candidates = [...(declared ? [path.join(main, declared)] : []), path.join(main, "index.ts"), path.join(main, "index.js")];
    const file = candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) throw new PlanError(`no index.ts or index.js in ${main}`);
    return file;
}

/** The program's type errors, as Pulumi's Node.js host would report them, from the program's own TypeScript. */
function typeErrors(dir: string, entry: string): string[] {
    let ts: typeof import("typescript");
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ts = require(require.resolve("typescript", { paths: [dir, __dirname] }));
    } catch {
        throw new PlanError(`type-checking ${dir} needs the typescript package: install it there (npm install -D typescript), or pass --no-typecheck`);
    }
    // The program's own tsconfig.json, as Pulumi's host reads it: the directory's, not one found further up.
    const configFile = fs.existsSync(path.join(dir, "tsconfig.json")) ? path.join(dir, "tsconfig.json") : undefined;
    const parsed = configFile
        ? ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
        : undefined;
    const options: import("typescript").CompilerOptions = {
        ...(parsed?.options ?? { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: true }),
        noEmit: true,
    };
    if (!canResolve(SELF, dir)) {
        // As at run time (resolveThisPackage), a program that has not installed this package is checked against the
        // plan's own declarations.
        options.paths = { ...options.paths, [SELF]: [path.join(__dirname, "..", "..", "sdk", "index.d.ts")] };
        options.baseUrl ??= dir;
    }
    // The entry and what it imports, as ts-node checks a program: not every file the tsconfig.json includes.
    const program = ts.createProgram([entry], options);
    return ts.getPreEmitDiagnostics(program).map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        if (!d.file || d.start === undefined) return text;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${path.relative(dir, d.file.fileName)}(${line + 1},${character + 1}): ${text}`;
    });
}

/** TypeScript programs are transpiled on load, as Pulumi's Node.js host does (after its own type-check). */
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
    const self = SELF;
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request: string, ...rest: unknown[]) {
        try {
            return resolveFilename.call(this, request, ...rest);
        } catch (e) {
            if (request !== self && !request.startsWith(`${self}/`)) throw e;
            return resolveFilename.call(this, path.join(__dirname, "..", "..", "sdk", request === self ? "index.js" : `${request.slice(self.length + 1)}/index.js`), ...rest);
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

/** A stack output, deeply resolved (arrays and objects holding Outputs too); a secret as "[secret]". */
async function outputValue(value: unknown): Promise<unknown> {
    const r = await resolve(pulumi.output(value));
    if (r.secret) return SECRET;
    return r.known ? r.value : undefined;
}

/** What the program module gives as stack outputs: its exports, or what its exported function returns. */
async function exportsOf(module: any): Promise<Record<string, unknown>> {
    const main = typeof module === "function" ? module : typeof module?.default === "function" ? module.default : undefined;
    if (main) return (await main()) ?? {};
    return module ?? {};
}

export async function plan(opts: PlanOptions): Promise<PlanResult> {
    const dir = path.resolve(opts.dir);
    const project = readProject(dir);
    let theirs: string;
    try {
        theirs = require.resolve("@pulumi/pulumi", { paths: [project.main, dir] });
    } catch {
        throw new PlanError(`the program in ${dir} cannot load @pulumi/pulumi: run \`npm install\` there first`);
    }
    // Installed in the program, this package shares the program's @pulumi/pulumi (a peer dependency); run from
    // elsewhere, the program's own copy would never see the simulated AWS.
    if (theirs !== require.resolve("@pulumi/pulumi")) {
        throw new PlanError(`the program in ${dir} uses another copy of @pulumi/pulumi (${theirs}): install this package in that program and run \`npx apprunner-private plan\` there`);
    }
    const entry = entryOf(project.main);
    const config = { ...project.config, ...opts.config };
    const region = config["aws:region"] ?? "us-east-1";
    const result = (errors: string[]): PlanResult => ({
        project: project.name,
        dir,
        region,
        resources: [],
        outputs: {},
        warnings: [],
        errors,
        notes: [],
        findings: [],
        cost: estimateCost([], opts.pricePerAzHour),
        exitCode: 1,
        registrations: [],
        zoneOf: () => undefined,
    });
    if (opts.typecheck !== false && /\.tsx?$/.test(entry)) {
        const errors = typeErrors(dir, entry);
        if (errors.length > 0) return result(errors);
    }

    const mocks = new AwsMocks({ region, topology: opts.topology, stackReferences: opts.stackReferences, passThroughUnmodelled: true, explainMisses: true, collectAllRejections: true }).install(
        project.name,
        opts.stack ?? "plan",
    );
    setProjectConfig(project.name, config);
    const warnings: string[] = [];
    const errors: string[] = [];
    const log = pulumi.log as any;
    const saved = { warn: log.warn, error: log.error };
    log.warn = (msg: string, resource?: unknown) => warnings.push(describeFailure({ message: msg, resource }));
    log.error = (msg: string, resource?: unknown) => errors.push(describeFailure({ message: msg, resource }));
    try {
        registerTypeScript(dir);
        resolveThisPackage();
        let exported: Record<string, unknown> = {};
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = await exportsOf(require(entry));
        } catch (e) {
            if (!pulumi.ResourceError.isInstance(e) && !pulumi.RunError.isInstance(e)) {
                // The message without the stack: a TypeScript error's diagnostics follow its first line.
                const message = String((e as Error)?.message ?? e)
                    .split("\n")
                    .filter((l) => l.trim() && !/^\s+at /.test(l))
                    .join("\n");
                throw new PlanError(`the program failed to load: ${message}`);
            }
            errors.push(describeFailure(e));
        }
        const outputs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(exported)) {
            try {
                outputs[k] = await outputValue(v);
            } catch {
                outputs[k] = undefined; // the failure is among the errors below
            }
        }
        await mocks.settle(opts.onProgress);
        for (const e of mocks.unhandled) errors.push(describeFailure(e));
        // A stack reference without outputs is the plan's limit, not the program's error.
        const missingReference = errors.find((e) => /has no outputs here: pass --stack-reference/.test(e));
        if (missingReference) throw new PlanError(missingReference.replace(/^.*?(stack reference ")/, "$1"));
        const findings = await analyzeAll(toAnalyzed(mocks));
        const resources: PlannedResource[] = mocks.registrations.map((r) => ({
            urn: r.urn ?? "",
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            inputs: r.inputs,
        }));
        const notes = mocks.passedThrough.map((r) => `${r.type} "${r.name}" is not modelled by the plan: passed through with a generated id`);
        const uniqueErrors = [...new Set(errors)];
        const cost = estimateCost(resources, opts.pricePerAzHour);
        return {
            project: project.name,
            dir,
            region,
            resources,
            outputs,
            warnings: [...new Set(warnings)],
            errors: uniqueErrors,
            notes,
            findings,
            cost,
            exitCode: uniqueErrors.length > 0 || findings.some((f) => f.level === "mandatory") ? 1 : 0,
            registrations: mocks.registrations,
            zoneOf: (id) => mocks.subnetZone(id),
        };
    } finally {
        Object.assign(log, saved);
    }
}
