// The copy of the AWS provider (plan/provider) the stand-in and the mocks serve: Check as the bridged provider words its
// failures, Diff against the state with sets as sets, Read for refresh and for import, data sources, and Terraform's waits.
import * as assert from "node:assert/strict";
import { TOPOLOGY as T } from "../plan/aws";
import { CONNECTION, PartialCreate, SECURITY_GROUP, VPC_ENDPOINT } from "../plan/provider";
import { connectionInputs, endpointInputs, provider } from "./provider-copy-fixtures";

describe("the copy of the AWS provider (plan/provider)", () => {
    describe("Check", () => {
        it("words failures as the bridge does: the Terraform validator's text, then where to look", () => {
            const { p } = provider();
            assert.deepEqual(p.check(VPC_ENDPOINT, "e", endpointInputs({ ipAddressType: "ipv6only" })).failures, [
                'expected ip_address_type to be one of ["ipv4" "dualstack" "ipv6"], got ipv6only. Examine values at \'e.ipAddressType\'.',
            ]);
            assert.deepEqual(p.check(CONNECTION, "c", connectionInputs({ serviceArn: "api-service" })).failures, [
                "\"service_arn\" (api-service) is an invalid ARN: arn: invalid prefix. Examine values at 'c.serviceArn'.",
            ]);
            assert.deepEqual(p.check(CONNECTION, "c", { ingressVpcConfiguration: {} }).failures, [
                'Missing required argument. The argument "service_arn" is required, but no definition was ' +
                    "found.. Examine values at 'c.serviceArn'.",
            ]);
            assert.deepEqual(
                p.check(SECURITY_GROUP, "group", { vpcId: T.vpcId, ingress: [{ fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.1/16"] }] })
                    .failures,
                [
                    '"10.0.0.1/16" is not a valid IPv4 CIDR block; did you mean "10.0.0.0/16"?. Examine values ' +
                        "at 'group.ingress[0].cidrBlocks[0]'.",
                    'Missing required argument. The argument "ingress.0.protocol" is required, but no ' +
                        "definition was found.. Examine values at 'group.ingress[0].protocol'.",
                ],
            );
            assert.deepEqual(p.check(VPC_ENDPOINT, "e", endpointInputs({ subnetIds: "subnet-a" })).failures, [
                "expected array type, got \"subnet-a\" of type string. Examine values at 'e.subnetIds'.",
            ]);
        });

        it("fills in the provider's defaults, and keeps an autoname the state holds", () => {
            const { p } = provider();
            assert.deepEqual(p.check(SECURITY_GROUP, "group", { vpcId: T.vpcId }).inputs, {
                vpcId: T.vpcId,
                name: "group-abc1234",
                description: "Managed by Pulumi",
                __defaults: ["name", "description"],
            });
            // An autoname is not validated; AWS judges it (a group named "sg-…" is refused there).
            assert.deepEqual(p.check(SECURITY_GROUP, "sg", { vpcId: T.vpcId }).failures, []);
            assert.deepEqual(p.check(SECURITY_GROUP, "group", { vpcId: T.vpcId, name: "sg-mine" }).failures, [
                "invalid value for name (cannot begin with sg-). Examine values at 'group.name'.",
            ]);
            assert.equal(p.check(VPC_ENDPOINT, "e", { vpcId: T.vpcId }).inputs.vpcEndpointType, "Gateway");
            const kept = p.check(CONNECTION, "c", connectionInputs(), { name: "c-0000000", __defaults: ["name"] }).inputs;
            assert.equal(kept.name, "c-0000000");
            assert.equal(
                p.check(CONNECTION, "c", connectionInputs(), {}, { mode: "propose", proposedName: "c-proposed" }).inputs.name,
                "c-proposed",
            );
        });
    });

    describe("Diff", () => {
        it("compares with the state: sets in any order, rules by content, nested blocks AWS fills in kept", async () => {
            const { p } = provider();
            const group = await p.create(
                SECURITY_GROUP,
                p.check(SECURITY_GROUP, "group", {
                    vpcId: T.vpcId,
                    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"] }],
                    egress: [],
                }).inputs,
                "us-east-1",
            );
            const news = p.check(
                SECURITY_GROUP,
                "group",
                {
                    vpcId: T.vpcId,
                    ingress: [{ protocol: "6", fromPort: 443, toPort: 443, cidrBlocks: ["10.1.0.0/16", "10.0.0.0/16"] }],
                    egress: [],
                },
                group.state,
            ).inputs;
            assert.deepEqual(await p.diff(SECURITY_GROUP, group.state, news, news, "us-east-1"), {
                changes: [],
                replaces: [],
                deleteBeforeReplace: false,
            });
            const e = await p.create(VPC_ENDPOINT, p.check(VPC_ENDPOINT, "e", endpointInputs()).inputs, "us-east-1");
            const reordered = p.check(VPC_ENDPOINT, "e", endpointInputs({ subnetIds: [T.subnetB, T.subnetA] })).inputs;
            assert.deepEqual((await p.diff(VPC_ENDPOINT, e.state, reordered, reordered, "us-east-1")).changes, []);
        });

        it("replaces on a ForceNew change, and deletes first when the user named the resource", async () => {
            const { p } = provider();
            const named = p.check(CONNECTION, "c", connectionInputs({ name: "mine" })).inputs;
            const { state } = await p.create(CONNECTION, named, "us-east-1");
            const moved = p.check(CONNECTION, "c", connectionInputs({ name: "mine", serviceArn: T.apiServiceArn })).inputs;
            assert.deepEqual(await p.diff(CONNECTION, state, moved, named, "us-east-1"), {
                changes: ["serviceArn"],
                replaces: ["serviceArn"],
                deleteBeforeReplace: true,
            });
            const retagged = p.check(CONNECTION, "c", connectionInputs({ name: "mine", tags: { team: "x" } })).inputs;
            assert.deepEqual(await p.diff(CONNECTION, state, retagged, named, "us-east-1"), {
                changes: ["tags"],
                replaces: [],
                deleteBeforeReplace: false,
            });
        });
    });

    describe("Read", () => {
        it(
            "a refresh keeps the old inputs' keys and set elements that still exist; a rule added out " + "of band shows in the state only",
            async () => {
                const { p, aws } = provider();
                const inputs = p.check(SECURITY_GROUP, "group", {
                    vpcId: T.vpcId,
                    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
                    egress: [],
                }).inputs;
                const { id } = await p.create(SECURITY_GROUP, inputs, "us-east-1");
                aws.call(
                    "ec2",
                    "AuthorizeSecurityGroupIngress",
                    {
                        GroupId: id,
                        IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
                    },
                    "us-east-1",
                );
                const read = (await p.read(SECURITY_GROUP, id, "us-east-1", inputs, {}))!;
                assert.deepEqual(
                    read.state.ingress.map((r: { cidrBlocks: string[] }) => r.cidrBlocks),
                    [["10.0.0.0/16"], ["0.0.0.0/0"]],
                );
                assert.deepEqual(read.inputs.ingress, inputs.ingress);
                assert.deepEqual((await p.diff(SECURITY_GROUP, read.state, inputs, read.inputs, "us-east-1")).changes, ["ingress"]);
            },
        );

        it("an import (no inputs) gets the inputs the state implies, defaults left out; a resource gone reads as nothing", async () => {
            const { p, aws } = provider();
            const imported = (await p.read(VPC_ENDPOINT, T.existingEndpointId, "us-east-1"))!;
            // The interfaces' addresses, as the provider reads them (one DescribeNetworkInterfaces an interface).
            const interfaces = aws.call(
                "ec2",
                "DescribeNetworkInterfaces",
                { Filters: [{ Name: "description", Values: [`VPC Endpoint Interface ${T.existingEndpointId}`] }] },
                "us-east-1",
            ).NetworkInterfaces;
            assert.deepEqual(
                interfaces.map((n: { SubnetId: string }) => n.SubnetId),
                [T.subnetA, T.subnetB],
            );
            for (const n of interfaces) assert.match(n.PrivateIpAddress, n.SubnetId === T.subnetA ? /^10\.0\.0\.\d+$/ : /^10\.0\.1\.\d+$/);
            assert.deepEqual(imported.inputs, {
                ipAddressType: "ipv4",
                securityGroupIds: [T.existingSecurityGroupId],
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                serviceRegion: "us-east-1",
                region: "us-east-1",
                subnetConfigurations: interfaces.map((n: { PrivateIpAddress: string; SubnetId: string }) => ({
                    ipv4: n.PrivateIpAddress,
                    ipv6: "",
                    subnetId: n.SubnetId,
                })),
                subnetIds: [T.subnetA, T.subnetB],
                vpcEndpointType: "Interface",
                vpcId: T.vpcId,
                dnsOptions: {
                    dnsRecordIpType: "ipv4",
                    privateDnsOnlyForInboundResolverEndpoint: false,
                    privateDnsPreference: "",
                    privateDnsSpecifiedDomains: [],
                },
                __defaults: [],
            });
            aws.call("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [T.existingEndpointId] }, "us-east-1");
            assert.equal(await p.read(VPC_ENDPOINT, T.existingEndpointId, "us-east-1"), undefined);
        });
    });

    describe("data sources", () => {
        it(
            "give what Read gives the resource: a VPC endpoint's attributes alike (dnsOptions as a " +
                "list), tags without AWS's own (a VPC's too)",
            async () => {
                const { p, aws } = provider();
                // CloudFormation's `aws:` tags cannot be made through the API (the model refuses them): put in the state.
                const endpoint = aws.account.state.vpcEndpoints.find((e) => e.VpcEndpointId === T.existingEndpointId)!;
                endpoint.Tags = [
                    { Key: "aws:cloudformation:stack-name", Value: "shop-prod" },
                    { Key: "Name", Value: "shared" },
                ];
                const found = await p.invoke("aws:ec2/getVpcEndpoint:getVpcEndpoint", { id: T.existingEndpointId }, "us-east-1");
                const { state } = (await p.read(VPC_ENDPOINT, T.existingEndpointId, "us-east-1"))!;
                assert.deepEqual(found.tags, { Name: "shared" });
                assert.deepEqual(state.tags, { Name: "shared" });
                const { autoAccept, resourceConfigurationArn, serviceNetworkArn, subnetConfigurations, tagsAll, dnsOptions, ...rest } =
                    state;
                assert.deepEqual(
                    [autoAccept, resourceConfigurationArn, serviceNetworkArn, subnetConfigurations.length, tagsAll],
                    [false, "", "", 2, { Name: "shared" }],
                );
                assert.deepEqual(found, { ...rest, id: T.existingEndpointId, dnsOptions: [dnsOptions] });
                const vpc = aws.account.state.vpcs.find((v) => v.VpcId === T.vpcId)!;
                vpc.Tags = [...vpc.Tags, { Key: "aws:cloudformation:logical-id", Value: "VPC" }];
                const { tags } = await p.invoke("aws:ec2/getVpc:getVpc", { id: T.vpcId }, "us-east-1");
                assert.deepEqual(tags, Object.fromEntries(vpc.Tags.filter((t) => !t.Key.startsWith("aws:")).map((t) => [t.Key, t.Value])));
                assert.equal(Object.keys(tags as object).length, vpc.Tags.length - 1);
            },
        );
    });

    describe("waits", () => {
        it("a connection is polled through PENDING_CREATION until AVAILABLE, and through PENDING_DELETION until gone", async () => {
            const { p, calls } = provider(1);
            const { id, state } = await p.create(CONNECTION, p.check(CONNECTION, "c", connectionInputs()).inputs, "us-east-1");
            assert.equal(state.status, "AVAILABLE");
            // Created, then polled every 5 s for its 30 s of PENDING_CREATION, then read.
            assert.equal(calls.filter((c) => c === "DescribeVpcIngressConnection").length, 8);
            calls.length = 0;
            await p.delete(CONNECTION, id, state, "us-east-1");
            assert.deepEqual(calls, ["DeleteVpcIngressConnection", ...Array(5).fill("DescribeVpcIngressConnection")]);
        });

        it("gives up after the provider's fixed 2 minutes, keeping what AWS made (a partial create)", async () => {
            const { p } = provider(10);
            const created = p.create(CONNECTION, p.check(CONNECTION, "c", connectionInputs()).inputs, "us-east-1");
            await assert.rejects(created, (e: unknown) => {
                assert.ok(e instanceof PartialCreate);
                assert.match(e.id, /^arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection\/c-abc1234\/[0-9a-f]{32}$/);
                assert.equal(
                    e.message,
                    `waiting for App Runner VPC Ingress Connection (${e.id}) create: timeout while waiting for ` +
                        `state to become 'AVAILABLE' (last state: 'PENDING_CREATION', timeout: 2m0s)`,
                );
                assert.equal(e.state.status, "PENDING_CREATION");
                return true;
            });
        });

        it("a connection AWS fails is a partial create with Terraform's unexpected-state text", async () => {
            const { p, aws } = provider(1);
            const inputs = p.check(CONNECTION, "c", connectionInputs()).inputs;
            const original = aws.call.bind(aws);
            aws.call = (service, action, params, region) => {
                const answer = original(service, action, params, region);
                if (action === "CreateVpcIngressConnection") aws.failPendingChange(answer.VpcIngressConnection.VpcIngressConnectionArn);
                return answer;
            };
            await assert.rejects(p.create(CONNECTION, inputs, "us-east-1"), (e: unknown) => {
                assert.ok(e instanceof PartialCreate);
                assert.equal(
                    e.message,
                    `waiting for App Runner VPC Ingress Connection (${e.id}) create: unexpected state ` +
                        `'FAILED_CREATION', wanted target 'AVAILABLE'. last error: %!s(<nil>)`,
                );
                return true;
            });
        });
    });
});
