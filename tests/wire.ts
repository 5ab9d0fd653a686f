// The Pulumi engine's side of the wire, for testing the component provider the way the engine uses it: a fake
// Engine (logs) and ResourceMonitor (registrations, invokes) served over gRPC from @pulumi/pulumi's protobuf
// stubs, the provider started as the Node.js language host starts a plugin, and a ResourceProvider client.
// AWS's answers come from the same AwsMocks the unit tests use.
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { AwsMocks } from "./mocks";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated gRPC modules have no type declarations */
const resrpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engproto = require("@pulumi/pulumi/proto/engine_pb");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const rpc = require("@pulumi/pulumi/runtime/rpc");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

export const PROJECT = "project";
export const STACK = "stack";

/** A RegisterResource request as the monitor received it. */
export interface WireRegistration {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    provider: string;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    /** As sent; "" for a timeout not set. */
    customTimeouts: { create: string; update: string; delete: string };
    inputs: Record<string, any>;
}

/** An input whose value is not known yet (a preview), as the engine sends it to a provider that accepts outputs. */
export function unknownOutput(dependsOn: string[] = []) {
    return { [rpc.specialSigKey]: rpc.specialOutputValueSig, dependencies: dependsOn };
}

const FEATURES = new Set(["secrets", "resourceReferences", "aliasSpecs", "deletedWith"]);

/** A fake engine and resource monitor on one gRPC server on 127.0.0.1. */
export class FakeEngine {
    readonly registrations: WireRegistration[] = [];
    readonly invokes: { token: string; provider: string }[] = [];
    readonly logs: { severity: number; message: string; urn: string }[] = [];
    private readonly states = new Map<string, { id: string; state: Record<string, any> }>();
    /** Registrations answered only once a promise settles, by resource name (see `hold`). */
    private readonly held = new Map<string, Promise<unknown>>();
    private server = new grpc.Server();
    port = 0;

    /** Forgets what was recorded and answers from new mocks: a new deployment against the same engine. */
    reset(mocks: AwsMocks): void {
        this.mocks = mocks;
        this.registrations.length = 0;
        this.invokes.length = 0;
        this.logs.length = 0;
        this.states.clear();
        this.held.clear();
    }

    /** Called instead of answering a RegisterResourceOutputs (e.g. to go away while the plugin sends outputs). */
    onOutputs?: () => void;

    /** Answers the registration of the resource named `name` only once `until` settles: keeps a Construct in flight. */
    hold(name: string, until: Promise<unknown>): void {
        this.held.set(
            name,
            until.catch(() => undefined),
        );
    }

    constructor(public mocks: AwsMocks) {
        this.server.addService(engrpc.EngineService, {
            log: (call: any, cb: any) => {
                const r = call.request;
                this.logs.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn() });
                cb(null, new emptyproto.Empty());
            },
            getRootResource: (_call: any, cb: any) => cb(null, new engproto.GetRootResourceResponse()),
            setRootResource: (_call: any, cb: any) => cb(null, new engproto.SetRootResourceResponse()),
        });
        this.server.addService(resrpc.ResourceMonitorService, {
            supportsFeature: (call: any, cb: any) => {
                const resp = new resproto.SupportsFeatureResponse();
                resp.setHassupport(FEATURES.has(call.request.getId()));
                cb(null, resp);
            },
            registerResource: (call: any, cb: any) =>
                this.registerResource(call.request).then(
                    (r) => cb(null, r),
                    (e) => cb(grpcError(e)),
                ),
            registerResourceOutputs: (_call: any, cb: any) => {
                if (this.onOutputs) return this.onOutputs();
                cb(null, new emptyproto.Empty());
            },
            invoke: (call: any, cb: any) =>
                this.invoke(call.request).then(
                    (r) => cb(null, r),
                    (e) => cb(grpcError(e)),
                ),
        });
    }

    async start(): Promise<this> {
        this.port = await new Promise((resolve, reject) =>
            this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
        );
        return this;
    }

    get address() {
        return `127.0.0.1:${this.port}`;
    }

    stop() {
        this.server.forceShutdown();
    }

    /** Registers a resource the way a program would before the component (e.g. an explicit aws provider). */
    async registerExternal(type: string, name: string, inputs: Record<string, any>): Promise<string> {
        const urn = `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
        const { id, state } = await this.mocks.newResource({ type, name, inputs, custom: true, urn });
        this.states.set(urn, { id: id ?? "", state });
        return `${urn}::${id}`;
    }

    private async registerResource(req: any) {
        const type: string = req.getType();
        const parent: string = req.getParent();
        const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
        const urn = `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${req.getName()}`;
        const inputs = rpc.deserializeProperties(req.getObject(), true);
        const registration: WireRegistration = {
            urn,
            type,
            name: req.getName(),
            custom: req.getCustom(),
            parent,
            provider: req.getProvider(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            customTimeouts: {
                create: req.getCustomtimeouts()?.getCreate() ?? "",
                update: req.getCustomtimeouts()?.getUpdate() ?? "",
                delete: req.getCustomtimeouts()?.getDelete() ?? "",
            },
            inputs,
        };
        this.registrations.push(registration);
        await this.held.get(registration.name);
        const { id, state } = registration.custom
            ? await this.mocks.newResource({
                  type,
                  name: registration.name,
                  inputs,
                  provider: registration.provider,
                  custom: true,
                  urn,
                  parent,
              })
            : { id: undefined, state: {} };
        this.states.set(urn, { id: id ?? "", state });
        const resp = new resproto.RegisterResourceResponse();
        resp.setUrn(urn);
        resp.setId(id ?? "");
        resp.setObject(structproto.Struct.fromJavaScript(await rpc.serializeProperties("", state)));
        return resp;
    }

    private async invoke(req: any) {
        const token: string = req.getTok();
        const inputs = rpc.deserializeProperties(req.getArgs());
        this.invokes.push({ token, provider: req.getProvider() });
        const result =
            token === "pulumi:pulumi:getResource"
                ? { urn: inputs.urn, ...this.states.get(inputs.urn) }
                : await this.mocks.call({ token, inputs, provider: req.getProvider() });
        const resp = new resproto.ResourceInvokeResponse();
        resp.setReturn(structproto.Struct.fromJavaScript(await rpc.serializeProperties("", result)));
        return resp;
    }
}

function grpcError(e: Error & { details?: string }) {
    return { code: grpc.status.UNKNOWN, details: e.details ?? e.message };
}

/**
 * Starts `node <args>` in `cwd` as the engine starts a plugin, and reads the port the plugin prints as its first
 * line of stdout.
 */
export async function spawnPlugin(
    args: string[],
    cwd: string,
): Promise<{ child: ChildProcess; port: string; startMs: number; stderr: string[] }> {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const stderr: string[] = [];
    child.stderr!.on("data", (d) => stderr.push(String(d)));
    const port = await new Promise<string>((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout! });
        lines.once("line", (line) => resolve(line.trim()));
        child.once("exit", (code) => reject(new Error(`plugin exited with ${code} before printing its port:\n${stderr.join("")}`)));
    });
    return { child, port, startMs: performance.now() - started, stderr };
}

/** Stops a plugin process and waits for it to exit. */
export async function stopPlugin(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
    });
}

/** The provider process, started as the engine starts a plugin, and a client for its ResourceProvider service. */
export class ProviderProcess {
    private constructor(
        readonly child: ChildProcess,
        readonly client: any,
        /** Milliseconds from spawn to the port on stdout. */
        readonly startMs: number,
        /** What the process has written to stderr so far (kept up to date). */
        readonly stderr: string[],
    ) {}

    /**
     * `node <@pulumi/pulumi>/cmd/run-plugin <pluginDir> <engineAddress>` from the plugin's directory, as the
     * Node.js language host runs a source-based plugin; the plugin prints its port as the first stdout line.
     */
    static async start(pluginDir: string, engineAddress: string, sdkFrom = pluginDir): Promise<ProviderProcess> {
        // run-plugin is resolved from the plugin's directory, as the Node.js host resolves it: the plugin's own
        // @pulumi/pulumi when it has one (provider/node_modules after `npm install` there), the one its code loads,
        // so one copy of the SDK is loaded, not two. `sdkFrom` is for a plugin whose code loads another copy.
        const runPlugin = path.dirname(require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [sdkFrom] }));
        const { child, port, startMs, stderr } = await spawnPlugin([runPlugin, pluginDir, engineAddress], pluginDir);
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new ProviderProcess(child, client, startMs, stderr);
    }

    private unary<T>(method: string, req: any): Promise<T> {
        return new Promise((resolve, reject) => this.client[method](req, (e: any, r: T) => (e ? reject(e) : resolve(r))));
    }

    async getPluginInfo(): Promise<string> {
        return (await this.unary<any>("getPluginInfo", new emptyproto.Empty())).getVersion();
    }

    async getSchema(): Promise<any> {
        return JSON.parse((await this.unary<any>("getSchema", new provproto.GetSchemaRequest())).getSchema());
    }

    async configure(): Promise<{ acceptSecrets: boolean; acceptResources: boolean; acceptOutputs: boolean }> {
        const req = new provproto.ConfigureRequest();
        req.setAcceptsecrets(true);
        req.setAcceptresources(true);
        const resp = await this.unary<any>("configure", req);
        return {
            acceptSecrets: resp.getAcceptsecrets(),
            acceptResources: resp.getAcceptresources(),
            acceptOutputs: resp.getAcceptoutputs(),
        };
    }

    /** Construct, as the engine sends it; resolves to the URN and the deserialized state. */
    async construct(opts: {
        engine: FakeEngine;
        name: string;
        inputs: Record<string, any>;
        type?: string;
        dryRun?: boolean;
        providers?: Record<string, string>;
        /** The stack: Constructs of one project, stack and kind of run are one deployment to the provider. */
        stack?: string;
        /** Resource options given to the component, as the engine puts them in the ConstructRequest. */
        options?: {
            ignoreChanges?: string[];
            replaceOnChanges?: string[];
            customTimeouts?: { create?: string; update?: string; delete?: string };
            deleteBeforeReplace?: boolean;
        };
    }): Promise<{ urn: string; state: Record<string, any> }> {
        const req = new provproto.ConstructRequest();
        req.setProject(PROJECT);
        req.setStack(opts.stack ?? STACK);
        req.setDryrun(opts.dryRun ?? false);
        req.setParallel(8);
        req.setMonitorendpoint(opts.engine.address);
        req.setType(opts.type ?? "apprunner-private:index:PrivateEndpoint");
        req.setName(opts.name);
        req.setInputs(structproto.Struct.fromJavaScript(opts.inputs));
        req.setAcceptsOutputValues(true);
        for (const [pkg, ref] of Object.entries(opts.providers ?? {})) req.getProvidersMap().set(pkg, ref);
        const options = opts.options ?? {};
        req.setIgnorechangesList(options.ignoreChanges ?? []);
        req.setReplaceonchangesList(options.replaceOnChanges ?? []);
        req.setDeletebeforereplace(options.deleteBeforeReplace ?? false);
        if (options.customTimeouts) {
            const t = new provproto.ConstructRequest.CustomTimeouts();
            t.setCreate(options.customTimeouts.create ?? "");
            t.setUpdate(options.customTimeouts.update ?? "");
            t.setDelete(options.customTimeouts.delete ?? "");
            req.setCustomtimeouts(t);
        }
        const resp = await this.unary<any>("construct", req);
        return { urn: resp.getUrn(), state: rpc.deserializeProperties(resp.getState(), true) };
    }

    /** The process's peak resident set size so far (Linux: VmHWM), in MB. */
    peakRssMb(): number {
        const status = fs.readFileSync(`/proc/${this.child.pid}/status`, "utf8");
        return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
    }

    async stop(): Promise<void> {
        this.client.close();
        await stopPlugin(this.child);
    }
}
