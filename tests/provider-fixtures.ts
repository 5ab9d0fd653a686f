// What the component provider's wire tests share: the component's type and URNs, and accounts already connected.
import * as path from "node:path";
import { AwsMocks, TOPOLOGY as T } from "./mocks";
import { ROOT } from "./schema";
import { FakeEngine, ProviderProcess } from "./wire";

// The SDK's rpc module is internal: its exports are not in the package's types.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module, untyped
export const rpc = require("@pulumi/pulumi/runtime/rpc");

export const TYPE = "apprunner-private:index:PrivateEndpoint";
export const COMPONENT_URN = (name: string) => `urn:pulumi:stack::project::${TYPE}::${name}`;
/** The Engine service's LogSeverity.ERROR. */
export const ERROR = 3;
export const CHILD_URN = (name: string, type: string, child: string) => `urn:pulumi:stack::project::${TYPE}$${type}::${child}`;

/** Mocks whose account already has a connection for the service, made outside any stack (as in the console). */
export function connectedOutside(serviceArn: string): { mocks: AwsMocks; existing: string } {
    const mocks = new AwsMocks();
    const existing = mocks.aws.call(
        "apprunner",
        "CreateVpcIngressConnection",
        {
            ServiceArn: serviceArn,
            VpcIngressConnectionName: "made-in-console",
            IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
        },
        "us-east-1",
    ).VpcIngressConnection.VpcIngressConnectionArn;
    return { mocks, existing };
}

/**
 * AWS's refusal of a second connection for a service, as the component answers its Construct: the Cloud Control resource
 * that failed, and the CloudFormation handler's reason (App Runner's, prefixed as the handler words an invalid request).
 */
export const refusedByAws = (existing: string) =>
    `Cloud Control resource "taken-connection": waiting for Cloud Control API (AWS::AppRunner::VpcIngressConnection) Resource () create: ` +
    `unexpected state 'FAILED', wanted target 'SUCCESS'. last error: InvalidRequest: Invalid ` +
    `request provided: Service ${T.apiServiceArn} ` +
    `already has a VPC ingress connection: ${existing}`;

/**
 * The provider started as the engine starts a plugin, against a fake engine whose AWS is reset before each test: the
 * hooks of the calling describe.
 */
export function startedProvider(): { engine: FakeEngine; provider: ProviderProcess } {
    const wire = {} as { engine: FakeEngine; provider: ProviderProcess };
    before(async () => {
        wire.engine = await new FakeEngine(new AwsMocks()).start();
        wire.provider = await ProviderProcess.start(path.join(ROOT, "provider"), wire.engine.address);
    });
    after(async () => {
        await wire.provider?.stop();
        wire.engine?.stop();
    });
    beforeEach(() => wire.engine.reset(new AwsMocks()));
    return wire;
}
