// The stand-in `pulumi-resource-aws`: a Pulumi resource provider plugin that plays AWS for the real-engine tests,
// answering from the same AwsModel the unit tests' mocks use (sdk/testing/model.ts). The engine starts it like any
// provider plugin (it prints its port, then serves the ResourceProvider protocol over gRPC), one process per
// provider instance and per command; the model's state lives in a file so that what one `pulumi up` created the
// next one sees.
//
// Environment:
//   APPRUNNER_STANDIN_STATE  the model's state file (required)
//   APPRUNNER_STANDIN_LOG    a JSON-lines file every request is appended to, in order (optional)
import * as grpc from "@grpc/grpc-js";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { AwsModel, DEFAULT_REGION } from "../model";
import { AUTONAMED, REQUIRED, replacedBy, withDefaults } from "./replacement";
import { standInSchema } from "./schema";

/* eslint-disable @typescript-eslint/no-require-imports */
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const pluginproto = require("@pulumi/pulumi/proto/plugin_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");

/** The version `@pulumi/aws` asks for (package-lock.json's), which the engine takes this plugin for. */
const VERSION: string = require("../../../package-lock.json").packages["node_modules/@pulumi/aws"].version;
/** How the engine sends a value not known yet (a preview) to a provider that does not accept outputs. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const statePath = process.env.APPRUNNER_STANDIN_STATE;
const logPath = process.env.APPRUNNER_STANDIN_LOG;
if (!statePath) {
    console.error("pulumi-resource-aws (stand-in): set APPRUNNER_STANDIN_STATE to the file that keeps the model's state");
    process.exit(1);
}

/** This process's provider instance: its URN and region, from CheckConfig and Configure. */
let providerUrn = "";
let region = process.env.AWS_REGION ?? "";

function log(method: string, entry: Record<string, unknown>): void {
    if (logPath) fs.appendFileSync(logPath, JSON.stringify({ method, provider: providerUrn, region, ...entry }) + "\n");
}

/** Runs `op` on the model while holding the state file's lock, and saves what it changed (unless it only reads). */
function withModel<T>(op: (model: AwsModel) => T, { reads = false } = {}): T {
    const lock = `${statePath}.lock`;
    for (let tries = 0; ; tries++) {
        try {
            fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
            break;
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "EEXIST" || tries > 2000) throw e;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        }
    }
    try {
        const model = fs.existsSync(statePath!) ? AwsModel.fromJSON(JSON.parse(fs.readFileSync(statePath!, "utf8"))) : new AwsModel();
        const result = op(model);
        if (!reads) {
            fs.writeFileSync(`${statePath}.tmp`, JSON.stringify(model));
            fs.renameSync(`${statePath}.tmp`, statePath!);
        }
        return result;
    } finally {
        fs.rmSync(lock, { force: true });
    }
}

const plain = (struct: any): Record<string, any> => (struct ? struct.toJavaScript() : {});
const hasUnknown = (v: unknown): boolean =>
    v === UNKNOWN || (Array.isArray(v) ? v.some(hasUnknown) : typeof v === "object" && v !== null && Object.values(v).some(hasUnknown));
const typeOf = (urn: string) => urn.split("::")[2].split("$").pop()!;
const nameOf = (urn: string) => urn.split("::")[3];

/** A gRPC error carrying AWS's (the model's) message, as the engine shows a provider's failure. */
function failure(e: unknown): grpc.ServiceError {
    return Object.assign(new Error(String((e as Error)?.message ?? e)), { code: grpc.status.UNKNOWN, details: String((e as Error)?.message ?? e), metadata: new grpc.Metadata() });
}

/** Serves one unary method: the request logged, the answer or the error returned. */
function unary(method: string, handle: (req: any) => any) {
    return (call: any, callback: any) => {
        try {
            callback(null, handle(call.request));
        } catch (e) {
            log(`${method}:error`, { message: String((e as Error).message) });
            callback(failure(e));
        }
    };
}

function deepEqual(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** `@pulumi/aws`'s autonaming: keep the name already in state, else the engine's proposal, else `<name>-<7 random>`. */
function autonamed(req: any, olds: Record<string, any>, news: Record<string, any>): string | undefined {
    if (news.name !== undefined || news.namePrefix !== undefined) return news.name;
    if (olds.name !== undefined) return olds.name;
    const options = req.getAutonaming();
    if (options) {
        const Mode = provproto.CheckRequest.AutonamingOptions.Mode;
        if (options.getMode() === Mode.DISABLE) return undefined;
        if (options.getProposedname()) return options.getProposedname();
    }
    return `${nameOf(req.getUrn())}-${randomBytes(4).toString("hex").slice(0, 7)}`;
}

const service = {
    getPluginInfo: unary("GetPluginInfo", () => {
        const info = new pluginproto.PluginInfo();
        info.setVersion(VERSION);
        return info;
    }),
    getSchema: unary("GetSchema", () => {
        const resp = new provproto.GetSchemaResponse();
        resp.setSchema(standInSchema(VERSION));
        return resp;
    }),
    checkConfig: unary("CheckConfig", (req) => {
        providerUrn = req.getUrn();
        const news = plain(req.getNews());
        log("CheckConfig", { urn: providerUrn, news });
        const resp = new provproto.CheckResponse();
        resp.setInputs(structproto.Struct.fromJavaScript({ region: process.env.AWS_REGION ?? DEFAULT_REGION, ...news }));
        return resp;
    }),
    diffConfig: unary("DiffConfig", (req) => {
        const olds = plain(req.getOldInputs() ?? req.getOlds());
        const news = plain(req.getNews());
        const resp = new provproto.DiffResponse();
        const changed = olds.region !== news.region;
        resp.setChanges(changed ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
        // Every resource of a provider lives in its region: a new region replaces them all.
        if (changed) resp.setReplacesList(["region"]);
        return resp;
    }),
    configure: unary("Configure", (req) => {
        const args = plain(req.getArgs());
        region = args.region ?? req.getVariablesMap().get("aws:region") ?? region ?? DEFAULT_REGION;
        if (req.getUrn()) providerUrn = req.getUrn();
        log("Configure", { urn: providerUrn });
        const resp = new provproto.ConfigureResponse();
        // Plain values in, plain values out: the engine unwraps secrets and keeps outputs of secret inputs secret.
        resp.setAcceptsecrets(false);
        resp.setAcceptresources(false);
        resp.setSupportspreview(false);
        return resp;
    }),
    invoke: unary("Invoke", (req) => {
        const args = plain(req.getArgs());
        const token = req.getTok();
        log("Invoke", { token, args });
        const result = withModel((m) => m.invoke(token, args, args.region ?? region), { reads: true });
        const resp = new provproto.InvokeResponse();
        resp.setReturn(structproto.Struct.fromJavaScript(result));
        return resp;
    }),
    check: unary("Check", (req) => {
        const urn = req.getUrn();
        const type = typeOf(urn);
        const olds = plain(req.getOlds());
        let news = withDefaults(type, plain(req.getNews()));
        if (AUTONAMED.has(type)) {
            const name = autonamed(req, olds, news);
            news = name === undefined ? news : { ...news, name };
        }
        log("Check", { urn, news });
        const resp = new provproto.CheckResponse();
        resp.setInputs(structproto.Struct.fromJavaScript(news));
        resp.setFailuresList(
            (REQUIRED[type] ?? []).filter((k) => news[k] === undefined).map((k) => {
                const f = new provproto.CheckFailure();
                f.setProperty(k);
                f.setReason(`Missing required property '${k}'`);
                return f;
            }),
        );
        return resp;
    }),
    diff: unary("Diff", (req) => {
        const urn = req.getUrn();
        const type = typeOf(urn);
        const olds = plain(req.getOldInputs() ?? req.getOlds());
        const news = plain(req.getNews());
        const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => hasUnknown(news[k]) || !deepEqual(olds[k], news[k]));
        const replaces = replacedBy(type, changed, news);
        log("Diff", { urn, id: req.getId(), changed, replaces });
        const resp = new provproto.DiffResponse();
        resp.setChanges(changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
        resp.setDiffsList(changed);
        resp.setReplacesList(replaces);
        return resp;
    }),
    create: unary("Create", (req) => {
        const urn = req.getUrn();
        const properties = plain(req.getProperties());
        if (req.getPreview()) throw new Error("the stand-in does not support Create in a preview");
        const { id, state } = withModel((m) => m.create(typeOf(urn), nameOf(urn), properties, properties.region ?? region));
        log("Create", { urn, id, properties });
        const resp = new provproto.CreateResponse();
        resp.setId(id);
        resp.setProperties(structproto.Struct.fromJavaScript(state));
        return resp;
    }),
    read: unary("Read", (req) => {
        const id = req.getId();
        const state = withModel((m) => m.read(id), { reads: true });
        log("Read", { urn: req.getUrn(), id, found: state !== undefined });
        const resp = new provproto.ReadResponse();
        if (state !== undefined) {
            resp.setId(id);
            resp.setProperties(structproto.Struct.fromJavaScript(state));
            resp.setInputs(req.getInputs());
        }
        return resp;
    }),
    update: unary("Update", (req) => {
        const urn = req.getUrn();
        const news = plain(req.getNews());
        const state = withModel((m) => m.update(typeOf(urn), req.getId(), news));
        log("Update", { urn, id: req.getId(), news });
        const resp = new provproto.UpdateResponse();
        resp.setProperties(structproto.Struct.fromJavaScript(state));
        return resp;
    }),
    delete: unary("Delete", (req) => {
        const urn = req.getUrn();
        const id = req.getId();
        withModel((m) => {
            // The AWS provider treats a resource already gone as deleted.
            if (m.read(id) !== undefined) m.delete(typeOf(urn), id);
        });
        log("Delete", { urn, id });
        return new emptyproto.Empty();
    }),
    cancel: unary("Cancel", () => new emptyproto.Empty()),
};

const server = new grpc.Server();
server.addService(provrpc.ResourceProviderService, service);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
        console.error(err);
        process.exit(1);
    }
    // The engine reads the port from the first line of stdout.
    process.stdout.write(`${port}\n`);
});
