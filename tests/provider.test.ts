// The component provider over the Pulumi wire protocol: started as the engine starts it, driven through its
// gRPC ResourceProvider service, registering children with a fake resource monitor.
import * as pulumi from "@pulumi/pulumi";
import { joined } from "./regex";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { AwsMocks, TOPOLOGY as T } from "./mocks";
import { ROOT, SCHEMA_PATH } from "./schema";
import { unknownOutput } from "./wire";
import { CHILD_URN, COMPONENT_URN, TYPE, startedProvider } from "./provider-fixtures";

describe("component provider over gRPC", function () {
    this.timeout(60_000);
    const wire = startedProvider();

    it("GetPluginInfo answers the package version", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        assert.equal(await wire.provider.getPluginInfo(), version);
    });

    it("GetSchema answers the committed schema", async () => {
        assert.deepEqual(await wire.provider.getSchema(), JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")));
    });

    it("Configure accepts secrets, resources and output values", async () => {
        assert.deepEqual(await wire.provider.configure(), { acceptSecrets: true, acceptResources: true, acceptOutputs: true });
    });

    it("Construct registers the component and its children, and answers their outputs", async () => {
        const { urn, state } = await wire.provider.construct({
            engine: wire.engine,
            name: "api",
            inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], tags: { team: "payments" } },
        });
        assert.equal(urn, COMPONENT_URN("api"));
        const byName = Object.fromEntries(wire.engine.registrations.map((r) => [r.name, r]));
        assert.deepEqual(
            wire.engine.registrations.map((r) => [r.type, r.name, r.parent, r.deleteBeforeReplace, r.provider]).sort(),
            [
                [TYPE, "api", "", false, ""],
                ["aws:cloudcontrol/resource:Resource", "api-connection", COMPONENT_URN("api"), true, ""],
                ["aws:ec2/securityGroup:SecurityGroup", "api-endpoint-sg", COMPONENT_URN("api"), false, ""],
                ["aws:ec2/vpcEndpoint:VpcEndpoint", "api-endpoint", COMPONENT_URN("api"), false, ""],
            ].sort(),
        );
        assert.equal(byName["api-endpoint"].urn, CHILD_URN("api", "aws:ec2/vpcEndpoint:VpcEndpoint", "api-endpoint"));
        assert.deepEqual(byName["api-endpoint"].inputs.subnetIds, [T.subnetA, T.subnetB]);
        assert.deepEqual(byName["api-endpoint"].inputs.tags, { team: "payments" });
        assert.equal(byName["api-connection"].inputs.tags, undefined, "the connection carries no tags");
        const connection = wire.engine.mocks.custom("aws:cloudcontrol/resource:Resource")[0];
        const endpoint = wire.engine.mocks.custom("aws:ec2/vpcEndpoint:VpcEndpoint")[0];
        const domainName = JSON.parse(connection.state!.properties).DomainName;
        assert.deepEqual(state, {
            domainName,
            url: `https://${domainName}`,
            vpcEndpointId: endpoint.id,
            vpcIngressConnectionArn: connection.id,
            status: "AVAILABLE",
            securityGroupId: wire.engine.mocks.custom("aws:ec2/securityGroup:SecurityGroup")[0].id,
        });
    });

    it("Construct serves InterfaceEndpoint too: its security group and endpoint, and a PrivateEndpoint sharing it", async () => {
        const SHARED = "apprunner-private:index:InterfaceEndpoint";
        const { urn, state } = await wire.provider.construct({
            engine: wire.engine,
            type: SHARED,
            name: "shared",
            stack: "shared",
            inputs: { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
        });
        assert.equal(urn, `urn:pulumi:stack::project::${SHARED}::shared`);
        assert.deepEqual(
            wire.engine.registrations.map((r) => [r.type, r.name, r.parent]).sort(),
            [
                [SHARED, "shared", ""],
                ["aws:ec2/securityGroup:SecurityGroup", "shared-endpoint-sg", urn],
                ["aws:ec2/vpcEndpoint:VpcEndpoint", "shared-endpoint", urn],
            ].sort(),
        );
        const endpoint = wire.engine.mocks.custom("aws:ec2/vpcEndpoint:VpcEndpoint")[0];
        assert.deepEqual(state, {
            vpcEndpointId: endpoint.id,
            securityGroupId: wire.engine.mocks.custom("aws:ec2/securityGroup:SecurityGroup")[0].id,
            vpcId: T.vpcId,
        });
        const { state: api } = await wire.provider.construct({
            engine: wire.engine,
            name: "api",
            stack: "shared",
            inputs: { serviceArn: T.apiServiceArn, vpcId: state.vpcId, vpcEndpointId: state.vpcEndpointId },
        });
        assert.equal(api.vpcEndpointId, endpoint.id);
        assert.equal(wire.engine.mocks.custom("aws:ec2/vpcEndpoint:VpcEndpoint").length, 1);
    });

    it("bad InterfaceEndpoint input makes Construct fail with the message naming the argument", async () => {
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                type: "apprunner-private:index:InterfaceEndpoint",
                name: "shared",
                inputs: { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], allowedSecurityGroupIds: ["web-clients"] },
            }),
            (e: any) => {
                assert.ok(
                    e.details.includes(
                        "`allowedSecurityGroupIds[0]` must be a security group id (sg- and 8 or 17 hexadecimal " +
                            'characters), got: "web-clients". Pass security group ids, e.g. `securityGroup.id`, not ' +
                            "names.",
                    ),
                    e.details,
                );
                return true;
            },
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
        );
    });

    it("an explicit aws provider passed in `providers` reaches every child and lookup", async () => {
        const eu = await wire.engine.registerExternal("pulumi:providers:aws", "eu", { region: "eu-west-1" });
        const { state } = await wire.provider.construct({
            engine: wire.engine,
            name: "eu-api",
            inputs: { serviceArn: T.euServiceArn, vpcId: T.euVpcId, subnetIds: [T.euSubnetA, T.euSubnetB] },
            providers: { aws: eu },
        });
        const children = wire.engine.registrations.filter((r) => r.custom);
        assert.equal(children.length, 3);
        for (const r of children) assert.equal(r.provider, eu, r.name);
        for (const i of wire.engine.invokes.filter((i) => i.token.startsWith("aws:"))) assert.equal(i.provider, eu, i.token);
        assert.equal(children.find((r) => r.name === "eu-api-endpoint")!.inputs.serviceName, "com.amazonaws.eu-west-1.apprunner.requests");
        assert.match(state.domainName, /\.eu-west-1\.awsapprunner\.com$/);
    });

    it("a dry run with unknown inputs registers the children and answers unknown outputs", async () => {
        wire.engine.reset(new AwsMocks({ preview: true }));
        const serviceUrn = "urn:pulumi:stack::project::aws:apprunner/service:Service::svc";
        const { state } = await wire.provider.construct({
            engine: wire.engine,
            name: "api",
            dryRun: true,
            inputs: { serviceArn: unknownOutput([serviceUrn]), vpcId: T.vpcId, subnetIds: unknownOutput() },
        });

        assert.deepEqual(wire.engine.registrations.map((r) => r.name).sort(), ["api", "api-connection", "api-endpoint", "api-endpoint-sg"]);
        const connection = wire.engine.registrations.find((r) => r.name === "api-connection")!;
        assert.ok(pulumi.isUnknown(connection.inputs.desiredState), "unknown in a preview");
        for (const k of ["domainName", "url", "vpcEndpointId", "vpcIngressConnectionArn", "status"]) {
            assert.ok(pulumi.isUnknown(state[k]), `${k} is unknown, got: ${JSON.stringify(state[k])}`);
        }
    });

    it("bad input makes Construct fail with a message naming the argument; the process then serves the next Construct", async () => {
        await assert.rejects(
            wire.provider.construct({
                engine: wire.engine,
                name: "bad",
                inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA], vpcEndpointId: T.existingEndpointId },
            }),
            (e: any) => {
                assert.match(
                    e.details,
                    joined(
                        /Only one of `subnetIds` or `vpcEndpointId` can be provided\. Pass `subnetIds` to /,
                        /create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an /,
                        /existing one\./,
                    ),
                );
                return true;
            },
        );
        assert.deepEqual(
            wire.engine.registrations.filter((r) => r.custom),
            [],
            "no child registered",
        );
        wire.engine.reset(new AwsMocks());
        const { state } = await wire.provider.construct({
            engine: wire.engine,
            name: "good",
            inputs: { serviceArn: T.adminServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
        });
        assert.equal(state.vpcEndpointId, T.existingEndpointId);
        assert.equal(state.status, "AVAILABLE");
    });
});
