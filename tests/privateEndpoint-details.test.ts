// PrivateEndpoint in the details: an endpoint App Runner cannot use refused before the connection, dual-stack, secrets
// kept secret, previews as precise as the values allow, and a connection name that survives renames.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { connectionDesiredState } from "../sdk/connection";
import { PrivateEndpoint } from "../sdk/index";
import { ServiceName } from "../plan/aws";
import { createEndpoint } from "../plan/standin/changes";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { refusedLater } from "./refusals";
import { CONNECTION, modelOf, outputsOf } from "./privateEndpoint-fixtures";

describe("PrivateEndpoint refuses an endpoint App Runner cannot use, before the connection is created or moved", () => {
    const given = (mocks: AwsMocks, vpcEndpointId: string) =>
        new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId }).vpcIngressConnectionArn;
    const call = (mocks: AwsMocks) => (service: ServiceName, action: string, params: Record<string, any>) =>
        mocks.aws.call(service, action, params, "us-east-1");

    it("an endpoint of another VPC", async () => {
        const mocks = new AwsMocks().install();
        const other = createEndpoint(call(mocks), "us-east-1", T.otherVpcId, [T.otherSubnet]).vpcEndpointId;
        await refusedLater(
            mocks,
            given(mocks, other),
            `\`vpcEndpointId\` must be an endpoint of \`vpcId\` (${T.vpcId}), got: ${other} in ` +
                `${T.otherVpcId}. Pass an InterfaceEndpoint's ` +
                `\`vpcEndpointId\`, or the id of the VPC's App Runner endpoint in that VPC, or set \`vpcId\` ` +
                `to ${T.otherVpcId} to move the service there.`,
        );
    });

    it("an endpoint of another service (App Runner's API, not its requests)", async () => {
        const mocks = new AwsMocks().install();
        const api = call(mocks)("ec2", "CreateVpcEndpoint", {
            VpcEndpointType: "Interface",
            VpcId: T.vpcId,
            ServiceName: "com.amazonaws.us-east-1.apprunner",
            SubnetIds: [T.subnetA],
        }).VpcEndpoint.VpcEndpointId;
        await refusedLater(
            mocks,
            given(mocks, api),
            `\`vpcEndpointId\` must be an Interface endpoint of ` +
                `com.amazonaws.us-east-1.apprunner.requests, got: ${api}, an Interface endpoint of ` +
                "com.amazonaws.us-east-1.apprunner. Pass an InterfaceEndpoint's `vpcEndpointId`, or the id " +
                "of the VPC's App Runner endpoint " +
                "(`aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.us-east-1.apprunner.requests`).",
        );
    });

    it("a deleted endpoint", async () => {
        const mocks = new AwsMocks().install();
        const gone = createEndpoint(call(mocks), "us-east-1", T.vpcId, [T.subnetA]).vpcEndpointId;
        call(mocks)("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [gone] });
        await refusedLater(
            mocks,
            given(mocks, gone),
            `\`vpcEndpointId\` must be an endpoint the AWS provider can see in us-east-1, got: ` +
                `"${gone}" (lookup failed: no matching EC2 VPC ` +
                "Endpoint found). Check the id and the provider's region and account.",
        );
    });
});

describe("PrivateEndpoint, dual-stack", () => {
    it("creates a dualstack endpoint whose security group also admits the VPC's IPv6 block", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.dualVpcId,
            subnetIds: [T.dualSubnetA, T.dualSubnetB],
            ipAddressType: "dualstack",
        });
        const outputs = await outputsOf(pe);
        assert.deepEqual(mocks.byName("api-endpoint-sg").inputs.ingress, [
            {
                description: "HTTPS from the allowed CIDR blocks",
                protocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrBlocks: ["10.30.0.0/16"],
                ipv6CidrBlocks: [T.dualVpcIpv6CidrBlock],
            },
        ]);
        assert.equal(mocks.byName("api-endpoint").inputs.ipAddressType, "dualstack");
        assert.equal(outputs.status, "AVAILABLE");
        assert.deepEqual(mocks.unhandled, []);
    });

    it("splits allowedCidrBlocks into IPv4 and IPv6 sources", async () => {
        const mocks = new AwsMocks().install();
        await outputsOf(
            new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.dualVpcId,
                subnetIds: [T.dualSubnetA, T.dualSubnetB],
                ipAddressType: pulumi.output("dualstack" as const),
                allowedCidrBlocks: ["10.30.1.0/24", "2600:1f18:abcd:1201::/64"],
            }),
        );
        const [rule] = mocks.byName("api-endpoint-sg").inputs.ingress;
        assert.deepEqual([rule.cidrBlocks, rule.ipv6CidrBlocks], [["10.30.1.0/24"], ["2600:1f18:abcd:1201::/64"]]);
        assert.equal(mocks.invokesOf("aws:ec2/getVpc:getVpc").length, 0);
    });
});

describe("PrivateEndpoint keeps secrets secret", () => {
    it("a secret serviceArn, vpcEndpointId and tags reach AWS as values, and outputs derived from them stay secret", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", {
            serviceArn: pulumi.secret(T.apiServiceArn),
            vpcId: T.vpcId,
            vpcEndpointId: pulumi.secret(T.existingEndpointId),
            connectionName: "payments-api",
            tags: { team: pulumi.secret("payments") },
        });
        const outputs = await outputsOf(pe);
        assert.deepEqual(mocks.unhandled, []);
        const connection = mocks.byName("api-connection");
        assert.equal(
            connection.inputs.desiredState,
            connectionDesiredState({
                serviceArn: T.apiServiceArn,
                name: "payments-api",
                vpcId: T.vpcId,
                vpcEndpointId: T.existingEndpointId,
            }),
        );
        assert.equal(connection.inputs.tags, undefined, "the connection carries no tags");
        assert.equal(outputs.vpcEndpointId, T.existingEndpointId);
        assert.equal(await pulumi.isSecret(pe.vpcEndpointId), true, "vpcEndpointId, from a secret input");
        assert.equal(
            await pulumi.isSecret(pe.vpcIngressConnection!.desiredState),
            true,
            "the connection's desired state holds the service ARN",
        );
        assert.equal(await pulumi.isSecret(pe.domainName), false, "the domain name derives from no secret");
    });

    // The name is part of the connection's id and ARN, which Pulumi stores in clear text: it cannot stay secret.
    const SECRET_NAME =
        "`connectionName` must not be a secret, got: [secret]. The name is part of the connection's " +
        "id and ARN, which Pulumi keeps in the stack's " +
        "state in clear text (an id cannot be secret). Pass the name as a plain value, or omit " +
        "`connectionName` to let AWS name the connection.";

    it("a secret connectionName is refused before any child is registered, without echoing it", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.vpcId,
            subnetIds: [T.subnetA, T.subnetB],
            connectionName: pulumi.secret("payments-api"),
        });
        await assert.rejects(valueOf(pe.domainName), (e: any) => {
            assert.equal(e.message.replace(/^(error serializing property "[^"]+": )+/, ""), SECRET_NAME);
            return true;
        });
        await mocks.settle();
        assert.deepEqual(mocks.custom(), [], "no child");
        assert.deepEqual(mocks.invokesOf("aws:ec2/getSubnet:getSubnet"), [], "the subnets are not looked up: the arguments did not pass");
    });

    it("a secret connectionName whose value is unknown (a preview) is refused too: secrecy is known before the value", async () => {
        const mocks = new AwsMocks({ preview: true }).install();
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const connectionName = pulumi.secret(pulumi.interpolate`conn-${vpc.id}`);
        assert.equal(await (connectionName as any).isKnown, false, "the name is unknown in this preview");
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.vpcId,
            vpcEndpointId: T.existingEndpointId,
            connectionName,
        });
        await assert.rejects(valueOf(pe.domainName), (e: any) => {
            assert.equal(e.message.replace(/^(error serializing property "[^"]+": )+/, ""), SECRET_NAME);
            return true;
        });
        await mocks.settle();
        assert.deepEqual(
            mocks.custom().map((r) => r.name),
            ["vpc"],
            "the VPC only, no child of the component",
        );
    });
});

describe("PrivateEndpoint previews as precisely as the values allow", () => {
    it("known subnetIds stay known when vpcId is unknown, and one unknown tag leaves the others known on the tagged children", async () => {
        const mocks = new AwsMocks({ preview: true }).install();
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: vpc.id,
            subnetIds: [T.subnetA, T.subnetB],
            tags: { team: "payments", vpc: vpc.id },
        });
        await outputsOf(pe);
        assert.deepEqual(mocks.byName("api-endpoint").engineInputs.subnetIds, [T.subnetA, T.subnetB]);
        for (const child of ["api-endpoint-sg", "api-endpoint"]) {
            const tags = mocks.byName(child).engineInputs.tags;
            assert.equal(tags.team, "payments", child);
            assert.ok(pulumi.isUnknown(tags.vpc), `${child}: the one unknown tag`);
        }
        // The connection's desired state is one JSON text: unknown while the VPC's id is, and never guessed.
        assert.ok(pulumi.isUnknown(mocks.byName("api-connection").engineInputs.desiredState));
        assert.equal(mocks.byName("api-connection").engineInputs.typeName, "AWS::AppRunner::VpcIngressConnection");
        assert.deepEqual(mocks.unhandled, []);
    });
});

describe("PrivateEndpoint's connection name survives renames", () => {
    // Under mocks there is no state, so these assert the rule: the component asks for no name, and AWS (CloudFormation's
    // handler, when Cloud Control creates the connection) names it once; the name is not in the desired state, so a rename
    // changes nothing there.
    const connectionInputs = async (name: string, opts: pulumi.ComponentResourceOptions = {}, stack = "stack") => {
        const mocks = new AwsMocks().install("project", stack);
        await outputsOf(
            new PrivateEndpoint(name, { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId }, opts),
        );
        return mocks.byName(`${name}-connection`).inputs;
    };

    it("renaming the component (with an alias) or the stack asks for no new name: the inputs carry none", async () => {
        const before = await connectionInputs("api");
        assert.equal("VpcIngressConnectionName" in JSON.parse(before.desiredState), false);
        assert.deepEqual(await connectionInputs("orders", { aliases: [{ name: "api" }] }), before);
        assert.deepEqual(await connectionInputs("api", {}, "renamed-stack"), before);
    });

    it("two components of one name under different parents get different names from AWS", async () => {
        const mocks = new AwsMocks().install();
        const parents = ["team-a", "team-b"].map((n) => new pulumi.ComponentResource("my:index:Team", n, {}));
        const services = [T.apiServiceArn, T.adminServiceArn];
        await Promise.all(
            parents.map((parent, i) =>
                outputsOf(
                    new PrivateEndpoint(
                        "api",
                        { serviceArn: services[i], vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
                        { parent },
                    ),
                ),
            ),
        );
        const names = mocks.custom(CONNECTION).map((c) => modelOf(c).VpcIngressConnectionName);
        assert.equal(names.length, 2);
        assert.notEqual(names[0], names[1]);
        for (const n of names) assert.match(n, /^VpcIngressConnection-[A-Za-z0-9]{12}$/);
        assert.deepEqual(mocks.unhandled, []);
    });
});
