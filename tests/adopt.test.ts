// Adoption under mocks: existing endpoints, security groups and connections brought under the components through
// Pulumi's `import` option on their children (adoptVpcEndpointId, adoptSecurityGroupId, adoptConnectionArn). What the
// monitor received for each child (import id, inputs, ignoreChanges), what is refused before anything is registered,
// what is refused once the lookups answer, and what is only warned about. The accounts are made as the stand-in's
// console makes them (a console endpoint, AWS Copilot's environment and services), in the mocks' own AWS.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { createEndpoint } from "../plan/standin/console";
import { PrivateEndpoint } from "../sdk";
import { AwsMocks, Registration, TOPOLOGY as T, valueOf } from "./mocks";


/** Mocks with an account as the console leaves it: an endpoint (private DNS on) with its group, and a connection of api-service. */
function consoleAccount() {
    const mocks = new AwsMocks().install();
    const call = (service: any, action: string, params: Record<string, any>) => mocks.aws.call(service, action, params, "us-east-1");
    const made = createEndpoint(call, "us-east-1", T.vpcId, [T.subnetA, T.subnetB], { groupName: "made-in-console", privateDns: true, tags: [{ Key: "Name", Value: "console" }] });
    const { VpcIngressConnection: c } = call("apprunner", "CreateVpcIngressConnection", {
        ServiceArn: T.apiServiceArn,
        VpcIngressConnectionName: "console-api",
        IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: made.vpcEndpointId },
        Tags: [{ Key: "owner", Value: "console" }],
    });
    return { mocks, call, endpointId: made.vpcEndpointId, groupId: made.securityGroupId, connectionArn: c.VpcIngressConnectionArn as string, domainName: c.DomainName as string };
}

/** The options and inputs a child was registered with, as the engine got them. */
const seen = (r: Registration) => ({ importId: r.importId, ignoreChanges: r.ignoreChanges, inputs: r.inputs });

async function settled(mocks: AwsMocks, ...outputs: pulumi.Output<unknown>[]) {
    await Promise.all(outputs.map((o) => valueOf(o)));
    await mocks.settle();
}

describe("adoption (import on the children)", () => {
    describe("a PrivateEndpoint adopting its own endpoint, security group and connection (made in the console)", () => {
        let account: ReturnType<typeof consoleAccount>;
        let pe: PrivateEndpoint;
        before(async () => {
            account = consoleAccount();
            pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                adoptVpcEndpointId: account.endpointId,
                adoptSecurityGroupId: account.groupId,
                adoptConnectionArn: account.connectionArn,
            });
            await settled(account.mocks, pe.domainName, pe.securityGroupId);
        });

        it("imports each child by its id, keeps what would replace it (names, description), and leaves its tags, rules and private DNS as they are", () => {
            const { mocks } = account;
            assert.deepEqual(seen(mocks.byName("api-endpoint-sg")), {
                importId: account.groupId,
                ignoreChanges: ["tags"],
                inputs: { name: "made-in-console", description: "App Runner VPC endpoint", vpcId: T.vpcId },
            });
            assert.deepEqual(seen(mocks.byName("api-endpoint")), {
                importId: account.endpointId,
                ignoreChanges: ["tags"],
                inputs: {
                    vpcId: T.vpcId,
                    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                    vpcEndpointType: "Interface",
                    subnetIds: [T.subnetA, T.subnetB],
                    securityGroupIds: [account.groupId],
                },
            });
            assert.deepEqual(seen(mocks.byName("api-connection")), {
                importId: account.connectionArn,
                ignoreChanges: ["tags"],
                inputs: { name: "console-api", serviceArn: T.apiServiceArn, ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: account.endpointId } },
            });
            assert.equal(mocks.byName("api-connection").deleteBeforeReplace, true);
        });

        it("outputs the adopted connection's domain name and the adopted ids", async () => {
            assert.equal(await valueOf(pe.domainName), account.domainName);
            assert.equal(await valueOf(pe.vpcEndpointId), account.endpointId);
            assert.equal(await valueOf(pe.securityGroupId), account.groupId);
            assert.equal(await valueOf(pe.vpcIngressConnectionArn), account.connectionArn);
        });

        it("looks up the endpoint, the group and the connection before anything is imported, and warns of nothing", () => {
            const { mocks } = account;
            const tokens = mocks.invokes.map((i) => `${i.token} ${JSON.stringify(i.inputs)}`);
            for (const t of [
                `aws:ec2/getVpcEndpoint:getVpcEndpoint {"id":"${account.endpointId}"}`,
                `aws:ec2/getSecurityGroup:getSecurityGroup {"id":"${account.groupId}"}`,
                `aws:cloudcontrol/getResource:getResource {"identifier":"${account.connectionArn}","typeName":"AWS::AppRunner::VpcIngressConnection"}`,
            ]) {
                assert.ok(tokens.includes(t), `${t} in ${tokens.join("\n")}`);
            }
            assert.deepEqual(mocks.unhandled, []);
        });
    });
});
