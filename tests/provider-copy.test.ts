// The copy of the AWS provider (plan/provider) the stand-in and the mocks serve: Check as the bridged provider words its
// failures, Diff against the state with sets as sets, Read for refresh and for import, and Terraform's waits.
import * as assert from "node:assert/strict";
import { Aws, TOPOLOGY as T, startingAccount } from "../plan/aws";
import {
    AwsProvider,
    CLOUDCONTROL_RESOURCE as CC,
    CONNECTION,
    Ctx,
    PartialCreate,
    SECURITY_GROUP,
    VPC_ENDPOINT,
    sdkError,
} from "../plan/provider";
import { createPatch } from "../plan/provider/jsonpatch";

/** The provider over a fresh account, on a clock the provider's waits move (AWS's durations at `scale`). */
function provider(scale = 0) {
    let now = Date.UTC(2026, 0, 1);
    const aws = new Aws(startingAccount(), { now: () => now, scale: (ms) => ms * scale });
    const calls: string[] = [];
    const ctx = (region: string): Ctx => ({
        region,
        call: async (service, action, params) => {
            calls.push(action);
            try {
                return aws.call(service, action, params, region);
            } catch (e) {
                throw sdkError(service, action, params, e);
            }
        },
        sleep: async (ms) => void (now += ms),
        now: () => now,
        deadline: (ms) => now + ms,
    });
    return { p: new AwsProvider(ctx, () => "abc1234"), aws, calls };
}

const endpointInputs = (over: Record<string, unknown> = {}) => ({
    vpcId: T.vpcId,
    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
    vpcEndpointType: "Interface",
    subnetIds: [T.subnetA, T.subnetB],
    ...over,
});
const connectionInputs = (over: Record<string, unknown> = {}) => ({
    serviceArn: T.adminServiceArn,
    ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
    ...over,
});

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

    describe("aws.cloudcontrol.Resource (AWS::AppRunner::VpcIngressConnection)", () => {
        const TYPE = "AWS::AppRunner::VpcIngressConnection";
        const ccInputs = (desired: Record<string, unknown> = {}) => ({
            typeName: TYPE,
            desiredState: JSON.stringify({
                ServiceArn: T.adminServiceArn,
                IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                ...desired,
            }),
        });

        it("the JSON patch is mattbaird/jsonpatch's: key by key, arrays of one length element by element, else remove then add", () => {
            assert.deepEqual(createPatch('{"A":1,"B":{"C":2},"E":[1,2]}', '{"A":1,"B":{"C":3},"D":"x","E":[1,3]}'), [
                { op: "replace", path: "/B/C", value: 3 },
                { op: "add", path: "/D", value: "x" },
                { op: "replace", path: "/E/1", value: 3 },
            ]);
            assert.deepEqual(createPatch('{"T":[{"K":"a"},{"K":"b"}],"R":1}', '{"T":[{"K":"b"}]}'), [
                { op: "remove", path: "/T/0" },
                { op: "remove", path: "/R" },
            ]);
            assert.deepEqual(createPatch('{"a/b":1,"c~":1}', '{"a/b":2,"c~":2}'), [
                { op: "replace", path: "/a~1b", value: 2 },
                { op: "replace", path: "/c~0", value: 2 },
            ]);
        });

        it("a move is an update; a new service or name, or another typeName, replaces (create-only paths matched exactly)", async () => {
            const { p } = provider();
            const olds = p.check(CC, "c", ccInputs()).inputs;
            const { state } = await p.create(CC, olds, "us-east-1");
            const diffWith = async (inputs: Record<string, unknown>) => {
                const news = p.check(CC, "c", inputs, olds).inputs;
                const d = await p.diff(CC, state, news, olds, "us-east-1");
                return [d.changes, d.replaces];
            };
            const other = { VpcId: T.vpcId, VpcEndpointId: "vpce-0123456789abcdef0" };
            assert.deepEqual(await diffWith(ccInputs({ IngressVpcConfiguration: other })), [["desiredState"], []]);
            assert.deepEqual(await diffWith(ccInputs({ ServiceArn: T.apiServiceArn })), [["desiredState"], ["desiredState"]]);
            assert.deepEqual(await diffWith(ccInputs({ VpcIngressConnectionName: "named" })), [["desiredState"], ["desiredState"]]);
            assert.deepEqual(await diffWith({ ...ccInputs(), typeName: "AWS::AppRunner::Service" }), [["typeName"], ["typeName"]]);
            // The same model in another key order is a change (the provider compares the text: no DiffSuppressFunc on
            // desired_state, resource.go), made in place with an empty patch: the component writes its keys in a fixed order.
            const reordered = {
                typeName: TYPE,
                desiredState: JSON.stringify({
                    IngressVpcConfiguration: { VpcEndpointId: T.existingEndpointId, VpcId: T.vpcId },
                    ServiceArn: T.adminServiceArn,
                }),
            };
            assert.deepEqual(await diffWith(reordered), [["desiredState"], []]);
        });

        it("creates with the ARN as its id and AWS's model as `properties`; cannot import by id; reads a deleted one as gone", async () => {
            const { p, calls } = provider(1);
            const { id, state } = await p.create(CC, p.check(CC, "c", ccInputs()).inputs, "us-east-1");
            assert.match(
                id,
                /^arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection\/VpcIngressConnection-[A-Za-z0-9]{12}\/[0-9a-f]{32}$/,
            );
            const model = JSON.parse(state.properties);
            assert.deepEqual([model.VpcIngressConnectionArn, model.Status], [id, "AVAILABLE"]);
            assert.deepEqual(
                [...new Set(calls)],
                ["DescribeType", "CreateResource", "GetResourceRequestStatus", "GetResource"].filter((c) => calls.includes(c)),
            );
            assert.equal(await p.read(CC, id, "us-east-1"), undefined, "no importer: an import reads nothing");
            await p.delete(CC, id, state, "us-east-1");
            assert.equal(await p.read(CC, id, "us-east-1", state, state), undefined);
        });

        it(
            "a move AWS fails keeps the planned desired state and no `properties` " +
                "(terraform-plugin-sdk#476), with Cloud Control's text",
            async () => {
                const { p, aws } = provider(1);
                const olds = p.check(CC, "c", ccInputs()).inputs;
                const { id, state } = await p.create(CC, olds, "us-east-1");
                const other = aws.call(
                    "ec2",
                    "CreateVpcEndpoint",
                    {
                        VpcEndpointType: "Interface",
                        VpcId: T.vpcId,
                        ServiceName: "com.amazonaws.us-east-1.apprunner.requests",
                        SubnetIds: [T.subnetA],
                    },
                    "us-east-1",
                ).VpcEndpoint.VpcEndpointId;
                const news = p.check(CC, "c", ccInputs({ IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: other } }), olds).inputs;
                const original = aws.call.bind(aws);
                aws.call = (service, action, params, region) => {
                    const answer = original(service, action, params, region);
                    if (action === "UpdateResource") aws.failPendingChange(id);
                    return answer;
                };
                await assert.rejects(p.update(CC, id, state, news, "us-east-1"), (e: unknown) => {
                    assert.ok(e instanceof PartialCreate);
                    assert.equal(
                        e.message,
                        `waiting for Cloud Control API (${TYPE}) Resource (${id}) update: unexpected state ` +
                            `'FAILED', wanted target 'SUCCESS'. last error: ` +
                            `NotStabilized: Resource of type '${TYPE}' with identifier '${id}' did not stabilize: its ` +
                            `status is FAILED_UPDATE.`,
                    );
                    assert.equal(e.state.desiredState, news.desiredState);
                    assert.equal(e.state.properties, "");
                    return true;
                });
            },
        );
    });
});
