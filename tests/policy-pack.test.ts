// The policy pack started as the Pulumi CLI starts one (`run-policy-pack <engine> <pack>`), over gRPC.
import * as grpc from "@grpc/grpc-js";
import { ChildProcess } from "node:child_process";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { rules } from "../policy/index";
import { AwsMocks } from "./mocks";
import { ROOT } from "./schema";
import { FakeEngine, spawnPlugin, stopPlugin } from "./wire";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated gRPC modules have no type declarations */
const analyzerrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const LEVEL = { advisory: 0, mandatory: 1, disabled: 2 } as const;

describe("policy pack over gRPC", function () {
    this.timeout(60_000);
    let engine: FakeEngine;
    let child: ChildProcess;
    let client: any;
    const call = <T>(method: string, req: unknown): Promise<T> =>
        new Promise((resolve, reject) => client[method](req, (e: unknown, r: T) => (e ? reject(e) : resolve(r))));

    before(async () => {
        engine = await new FakeEngine(new AwsMocks()).start();
        const runPolicyPack = path.dirname(require.resolve("@pulumi/pulumi/cmd/run-policy-pack"));
        const dir = path.join(ROOT, "policy");
        const started = await spawnPlugin([runPolicyPack, engine.address, dir], dir);
        child = started.child;
        client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
    });
    after(async () => {
        client?.close();
        if (child) await stopPlugin(child);
        engine?.stop();
    });

    it("answers GetAnalyzerInfo with every rule, its description, level and config schema", async () => {
        const info = await call<any>("getAnalyzerInfo", new emptyproto.Empty());
        assert.equal(info.getName(), "apprunner-private");
        const policies = info.getPoliciesList().map((p: any) => ({
            name: p.getName(),
            description: p.getDescription(),
            level: p.getEnforcementlevel(),
            config: p.getConfigschema()?.getProperties()?.toJavaScript() ?? {},
        }));
        assert.deepEqual(
            policies,
            rules.map((r) => ({
                name: r.id,
                description: r.description,
                level: LEVEL[r.enforcementLevel],
                config: r.configSchema?.properties ?? {},
            })),
        );
        assert.deepEqual(policies.find((p: any) => p.name === "apprunner-shared-endpoint")!.config, {
            pricePerAzHour: {
                type: "number",
                description:
                    "USD per endpoint per Availability Zone per hour. Default: the endpoint region's price, or us-east-1's where unknown.",
            },
        });
    });

    it("takes per-rule enforcement from the pack's config, then analyzes with it", async () => {
        const configure = new analyzerproto.ConfigureAnalyzerRequest();
        const mandatory = new analyzerproto.PolicyConfig();
        mandatory.setEnforcementlevel(LEVEL.mandatory);
        mandatory.setProperties(structproto.Struct.fromJavaScript({}));
        configure.getPolicyconfigMap().set("apprunner-endpoint-multi-az", mandatory);
        await call("configure", configure);

        const req = new analyzerproto.AnalyzeRequest();
        req.setType("aws:ec2/vpcEndpoint:VpcEndpoint");
        req.setName("endpoint");
        req.setOptions(new analyzerproto.AnalyzerResourceOptions()); // the CLI always sends options
        req.setUrn("urn:pulumi:stack::project::aws:ec2/vpcEndpoint:VpcEndpoint::endpoint");
        req.setProperties(
            structproto.Struct.fromJavaScript({
                vpcId: "vpc-0123456789abcdef0",
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                vpcEndpointType: "Interface",
                subnetIds: ["subnet-0123456789abcdef0"],
            }),
        );
        const resp = await call<any>("analyze", req);
        const diagnostics = resp.getDiagnosticsList().map((d: any) => [d.getPolicyname(), d.getEnforcementlevel(), d.getMessage()]);
        assert.deepEqual(diagnostics, [
            [
                "apprunner-endpoint-multi-az",
                LEVEL.mandatory,
                "An apprunner.requests VPC endpoint has subnets in two Availability Zones or " +
                    'more.\nVpcEndpoint "endpoint" is in 1 subnet: add a subnet in a second Availability Zone.',
            ],
        ]);
    });
});
