// What the AWS model's tests share: an account with a clock, a refusal's text, and valid requests to vary.
import { Aws, AwsError, NetworkError, TOPOLOGY as T, startingAccount } from "../plan/aws";

export const REGION = "us-east-1";

/** A fresh account on a clock the test moves. */
export function account(): { aws: Aws; tick(ms: number): void } {
    let now = Date.UTC(2026, 0, 1);
    const aws = new Aws(startingAccount(), { now: () => now, scale: (ms) => ms });
    return { aws, tick: (ms) => void (now += ms) };
}

/** The AWS error a call answers with, as `<code>: <message>`. */
export function refusal(run: () => unknown): string {
    try {
        run();
    } catch (e) {
        if (e instanceof AwsError) return `${e.code}: ${e.message}`;
        if (e instanceof NetworkError) return `network: ${e.message}`;
        throw e;
    }
    throw new Error("expected AWS to refuse the request");
}

export const endpoint = (over: Record<string, unknown> = {}) => ({
    VpcEndpointType: "Interface",
    VpcId: T.vpcId,
    ServiceName: "com.amazonaws.us-east-1.apprunner.requests",
    SubnetIds: [T.subnetA, T.subnetB],
    ...over,
});
export const connection = (over: Record<string, unknown> = {}) => ({
    ServiceArn: T.adminServiceArn,
    VpcIngressConnectionName: "admin-connection",
    IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
    ...over,
});
