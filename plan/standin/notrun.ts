// The plan's provider for dynamic resources (`pulumi-nodejs`, `pulumi-python`): a provider plugin installed in the
// plan's scratch Pulumi home in their place, which runs none of the program's provider code. Its Check refuses every
// resource, naming it, so the engine stops before any create, and the plan says which resource it did not run.
import * as grpc from "@grpc/grpc-js";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated gRPC modules have no type declarations */
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const pluginproto = require("@pulumi/pulumi/proto/plugin_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

/** What the plan looks for in the engine's output (plan.ts, planLimit). */
export const NOT_RUN = "not run in a plan: the dynamic resource";

const answer = (make: (req: any) => any) => (call: any, callback: any) => {
    try {
        callback(null, make(call.request));
    } catch (e) {
        callback(Object.assign(new Error((e as Error).message), { code: grpc.status.UNKNOWN, details: (e as Error).message }));
    }
};

const server = new grpc.Server();
server.addService(provrpc.ResourceProviderService, {
    getPluginInfo: answer(() => {
        const info = new pluginproto.PluginInfo();
        info.setVersion(process.env.APPRUNNER_NOTRUN_VERSION ?? "0.0.0");
        return info;
    }),
    checkConfig: answer((req) => {
        const resp = new provproto.CheckResponse();
        resp.setInputs(req.getNews());
        return resp;
    }),
    diffConfig: answer(() => new provproto.DiffResponse()),
    configure: answer(() => {
        const resp = new provproto.ConfigureResponse();
        resp.setAcceptsecrets(true);
        return resp;
    }),
    check: answer((req) => {
        throw new Error(`${NOT_RUN} ${req.getUrn()}`);
    }),
});
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
        console.error(err);
        process.exit(1);
    }
    process.stdout.write(`${port}\n`);
});
