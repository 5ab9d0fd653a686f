// The stand-in `pulumi-resource-aws`: a provider plugin that plays the AWS provider for the real engine, serving the
// copy of the AWS provider (../provider) over the model of AWS (../aws), the same pair the mocks use. The engine starts
// it like any provider plugin (it prints its port, then serves the ResourceProvider protocol over gRPC), one process
// per provider and per command; the account lives in a file so that what one `pulumi up` created the next one sees.
//
// Environment:
//   APPRUNNER_STANDIN_STATE       the account's state file (required)
//   APPRUNNER_STANDIN_LOG         a JSON-lines file every request is appended to, in order (optional)
//   APPRUNNER_STANDIN_TIME_SCALE  real seconds per second of AWS time (default 0: AWS finishes changes at once)
//   APPRUNNER_STANDIN_FAULTS      faults to inject (./faults.ts)
import * as grpc from "@grpc/grpc-js";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { DEFAULT_REGION } from "../aws";
import { AwsProvider, Ctx, PartialCreate, sdkError } from "../provider";
import { Fault, faultFor, parseFaults } from "./faults";
import { Store } from "./store";
import { generic, passThroughUnmodelled } from "./unmodelled";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated gRPC modules have no type declarations */
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const pluginproto = require("@pulumi/pulumi/proto/plugin_pb");
const statusproto = require("@pulumi/pulumi/proto/status_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const anyproto = require("google-protobuf/google/protobuf/any_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The version the engine takes this plugin for: the `@pulumi/aws` the programs use (installed beside it), unless set. */
const VERSION: string =
    process.env.APPRUNNER_STANDIN_VERSION ?? JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")).version;

const statePath = process.env.APPRUNNER_STANDIN_STATE;
const logPath = process.env.APPRUNNER_STANDIN_LOG;
if (!statePath) {
    console.error("pulumi-resource-aws (stand-in): set APPRUNNER_STANDIN_STATE to the file that keeps the account's state");
    process.exit(1);
}
const timeScale = Number(process.env.APPRUNNER_STANDIN_TIME_SCALE ?? 0);
const store = new Store(statePath, timeScale);
const faults = parseFaults(process.env.APPRUNNER_STANDIN_FAULTS);

/** This process's provider instance: its URN and region, from CheckConfig and Configure. */
let providerUrn = "";
let region = process.env.AWS_REGION ?? DEFAULT_REGION;

function log(method: string, entry: Record<string, unknown>): void {
    if (logPath) fs.appendFileSync(logPath, JSON.stringify({ method, provider: providerUrn, region, ...entry }) + "\n");
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** AWS as the provider reaches it from this process: each call under the state file's lock, logged. */
function connect(r: string, onCall?: (action: string, answer: Record<string, any>) => void): Ctx {
    return {
        region: r,
        async call(service, action, params) {
            try {
                const answer = store.call(service, action, params, r);
                log("AWS", { action: `${service}:${action}`, region: r, params });
                onCall?.(action, answer);
                return answer;
            } catch (e) {
                log("AWS", { action: `${service}:${action}`, region: r, params, error: String((e as Error).message) });
                throw sdkError(service, action, params, e);
            }
        },
        sleep: (ms) => sleep(ms * timeScale),
        now: () => Date.now(),
        deadline: (ms) => Date.now() + ms * timeScale,
    };
}

const provider = new AwsProvider(connect, () => randomBytes(4).toString("hex").slice(0, 7));
/** The same provider, but every object a Create* or Update* call changes is set to fail its change (the init-failed fault). */
const failingProvider = new AwsProvider(
    (r) =>
        connect(r, (action, answer) => {
            const id =
                answer.VpcIngressConnection?.VpcIngressConnectionArn ??
                answer.VpcEndpoint?.VpcEndpointId ??
                answer.Service?.ServiceArn ??
                answer.ProgressEvent?.Identifier;
            if (/^(Create|Update)/.test(action) && id) store.failPendingChange(id);
        }),
    () => randomBytes(4).toString("hex").slice(0, 7),
);

const plain = (struct: any): Record<string, any> => (struct ? struct.toJavaScript() : {});
const typeOf = (urn: string) => urn.split("::")[2].split("$").pop()!;
const nameOf = (urn: string) => urn.split("::")[3];
/** A type the model does not know, passed through generically (./unmodelled.ts) rather than refused. */
const unmodelled = (urn: string) => !AwsProvider.models(typeOf(urn)) && passThroughUnmodelled();

/** A gRPC error with the provider's message; for a partial create, the resource that exists (ErrorResourceInitFailed). */
function failure(e: unknown): grpc.ServiceError {
    const message = String((e as Error)?.message ?? e);
    const metadata = new grpc.Metadata();
    if (e instanceof PartialCreate) {
        const status = new statusproto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        const detail = new provproto.ErrorResourceInitFailed();
        detail.setId(e.id);
        detail.setProperties(structproto.Struct.fromJavaScript(e.state));
        detail.setReasonsList([message]);
        const any = new anyproto.Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        status.addDetails(any);
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}

/** Serves one method: the answer, or the failure logged and returned. */
function serve(method: string, handle: (req: any) => any) {
    return (call: any, callback: any) => {
        Promise.resolve()
            .then(() => handle(call.request))
            .then(
                (resp) => callback(null, resp),
                (e) => {
                    log(`${method}:error`, { urn: call.request.getUrn?.(), message: String((e as Error).message) });
                    callback(failure(e));
                },
            );
    };
}

/**
 * Runs a resource operation through the faults: refused before AWS is asked; its answer lost after AWS did it;
 * slow; or (Create) made to fail its wait.
 */
async function withFaults<T>(method: Fault["method"], urn: string, run: (p: AwsProvider) => Promise<T>): Promise<T> {
    const fault = faultFor(faults, store, method, typeOf(urn), nameOf(urn));
    if (fault) log("Fault", { urn, fault: fault.mode, of: method });
    switch (fault?.mode) {
        case "refuse":
            throw new Error(
                `${method} of ${nameOf(urn)} refused: api error InternalFailure: the stand-in refused this ` +
                    `request (APPRUNNER_STANDIN_FAULTS)`,
            );
        case "lost-response":
            await run(provider).catch(() => undefined);
            throw new Error(
                `${method} of ${nameOf(urn)}: request send failed: read tcp 127.0.0.1:0->AWS: read: ` +
                    `connection reset by peer (the stand-in lost AWS's answer: APPRUNNER_STANDIN_FAULTS)`,
            );
        case "slow":
            await sleep(fault.ms ?? 10_000);
            return run(provider);
        case "init-failed":
            return run(failingProvider);
        default:
            return run(provider);
    }
}

const struct = (o: Record<string, unknown>) => structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(o)));

const service = {
    getPluginInfo: serve("GetPluginInfo", () => {
        const info = new pluginproto.PluginInfo();
        info.setVersion(VERSION);
        return info;
    }),
    getSchema: serve("GetSchema", () => {
        const resp = new provproto.GetSchemaResponse();
        resp.setSchema(AwsProvider.schema(VERSION));
        return resp;
    }),
    checkConfig: serve("CheckConfig", (req) => {
        providerUrn = req.getUrn();
        const news = plain(req.getNews());
        log("CheckConfig", { urn: providerUrn, news });
        const resp = new provproto.CheckResponse();
        resp.setInputs(struct({ region: process.env.AWS_REGION ?? DEFAULT_REGION, ...news }));
        return resp;
    }),
    diffConfig: serve("DiffConfig", (req) => {
        const olds = plain(req.getOldInputs() ?? req.getOlds());
        const news = plain(req.getNews());
        const resp = new provproto.DiffResponse();
        const changed = olds.region !== news.region;
        resp.setChanges(changed ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
        // Every resource of a provider lives in its region: a new region replaces them all.
        if (changed) resp.setReplacesList(["region"]);
        return resp;
    }),
    configure: serve("Configure", (req) => {
        const args = plain(req.getArgs());
        region = args.region ?? req.getVariablesMap().get("aws:region") ?? region;
        if (req.getUrn()) providerUrn = req.getUrn();
        log("Configure", { urn: providerUrn });
        const resp = new provproto.ConfigureResponse();
        // Plain values in, plain values out: the engine unwraps secrets and keeps outputs of secret inputs secret.
        resp.setAcceptsecrets(false);
        resp.setAcceptresources(false);
        resp.setSupportspreview(false);
        return resp;
    }),
    invoke: serve("Invoke", async (req) => {
        const args = plain(req.getArgs());
        const token = req.getTok();
        log("Invoke", { token, args });
        let result;
        try {
            result = await provider.invoke(token, args, region);
        } catch (e) {
            // With its arguments, so that the plan can name the lookup it could not answer.
            log("Invoke:failed", { token, args, message: String((e as Error).message) });
            // The bridge's wording of a data source's error (its Terraform diagnostics, as a multierror).
            throw new Error(`invoking ${token}: 1 error occurred:\n\t* ${(e as Error).message}\n\n`, { cause: e });
        }
        const resp = new provproto.InvokeResponse();
        resp.setReturn(struct(result));
        return resp;
    }),
    check: serve("Check", (req) => {
        const urn = req.getUrn();
        const type = typeOf(urn);
        const news = plain(req.getNews());
        const resp = new provproto.CheckResponse();
        if (unmodelled(urn)) {
            log("Check", { urn, news, unmodelled: true });
            resp.setInputs(struct(news));
            return resp;
        }
        if (!AwsProvider.models(type)) throw new Error(`the stand-in AWS provider does not model ${type}`);
        const naming = req.getAutonaming();
        const Mode = provproto.CheckRequest.AutonamingOptions.Mode;
        const autonaming = naming
            ? {
                  mode:
                      naming.getMode() === Mode.DISABLE
                          ? ("disable" as const)
                          : naming.getMode() === Mode.ENFORCE
                            ? ("enforce" as const)
                            : ("propose" as const),
                  proposedName: naming.getProposedname() || undefined,
              }
            : undefined;
        const { inputs, failures } = provider.check(type, nameOf(urn), news, plain(req.getOlds()), autonaming, region);
        log("Check", { urn, news: inputs, failures });
        resp.setInputs(struct(inputs));
        resp.setFailuresList(
            failures.map((reason) => {
                const f = new provproto.CheckFailure();
                f.setReason(reason);
                return f;
            }),
        );
        return resp;
    }),
    diff: serve("Diff", async (req) => {
        const urn = req.getUrn();
        const { changes, replaces, deleteBeforeReplace } = unmodelled(urn)
            ? { changes: generic.diff(plain(req.getOlds()), plain(req.getNews())), replaces: [], deleteBeforeReplace: false }
            : await provider.diff(typeOf(urn), plain(req.getOlds()), plain(req.getNews()), plain(req.getOldInputs()), region);
        log("Diff", { urn, id: req.getId(), changed: changes, replaces });
        const resp = new provproto.DiffResponse();
        resp.setChanges(changes.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
        resp.setDiffsList(changes);
        resp.setReplacesList(replaces);
        resp.setDeletebeforereplace(deleteBeforeReplace);
        return resp;
    }),
    create: serve("Create", async (req) => {
        const urn = req.getUrn();
        const properties = plain(req.getProperties());
        if (req.getPreview()) throw new Error("the stand-in does not support Create in a preview");
        log("Create:start", { urn });
        const { id, state } = unmodelled(urn)
            ? generic.create(typeOf(urn), properties, properties.region ?? region)
            : await withFaults("Create", urn, (p) => p.create(typeOf(urn), properties, region));
        log("Create", { urn, id, properties });
        const resp = new provproto.CreateResponse();
        resp.setId(id);
        resp.setProperties(struct(state));
        return resp;
    }),
    read: serve("Read", async (req) => {
        const urn = req.getUrn();
        const id = req.getId();
        const oldState = plain(req.getProperties());
        const refresh = Object.keys(oldState).length > 0;
        const found = await withFaults("Read", urn, (p) =>
            p.read(typeOf(urn), id, region, refresh ? plain(req.getInputs()) : undefined, refresh ? oldState : undefined),
        );
        log("Read", { urn, id, found: found !== undefined, import: !refresh });
        const resp = new provproto.ReadResponse();
        if (found) {
            resp.setId(found.id);
            resp.setProperties(struct(found.state));
            resp.setInputs(struct(found.inputs));
        }
        return resp;
    }),
    update: serve("Update", async (req) => {
        const urn = req.getUrn();
        const news = plain(req.getNews());
        const olds = plain(req.getOlds());
        // A refused or lost request fails the resource's update like any AWS error: with the planned values kept.
        const state = await withFaults("Update", urn, (p) => p.update(typeOf(urn), req.getId(), olds, news, region)).catch((e) => {
            throw provider.failedUpdate(typeOf(urn), req.getId(), olds, news, e);
        });
        if (state === undefined) {
            // pulumi-terraform-bridge pkg/tfbridge/provider.go Update, when Apply answers no state.
            throw new Error(
                `Resource provider reported that the resource did not exist while updating ${urn}.\n\nThis is usually a result of the ` +
                    "resource having been deleted outside of Pulumi, and can often be fixed by running `pulumi refresh` before updating.",
            );
        }
        log("Update", { urn, id: req.getId(), news });
        const resp = new provproto.UpdateResponse();
        resp.setProperties(struct(state));
        return resp;
    }),
    delete: serve("Delete", async (req) => {
        const urn = req.getUrn();
        const id = req.getId();
        log("Delete:start", { urn, id });
        await withFaults("Delete", urn, (p) => p.delete(typeOf(urn), id, plain(req.getProperties()), region));
        log("Delete", { urn, id });
        return new emptyproto.Empty();
    }),
    // The bridge's Cancel does nothing (provider.go): operations under way run to their end.
    cancel: serve("Cancel", () => new emptyproto.Empty()),
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
