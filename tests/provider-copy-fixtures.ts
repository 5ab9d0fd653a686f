// What the tests of the copy of the AWS provider share: a provider over a fresh account, and valid inputs to vary.
import { Aws, TOPOLOGY as T, startingAccount } from "../plan/aws";
import { AwsProvider, Ctx, sdkError } from "../plan/provider";

/** The provider over a fresh account, on a clock the provider's waits move (AWS's durations at `scale`). */
export function provider(scale = 0) {
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

export const endpointInputs = (over: Record<string, unknown> = {}) => ({
    vpcId: T.vpcId,
    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
    vpcEndpointType: "Interface",
    subnetIds: [T.subnetA, T.subnetB],
    ...over,
});
export const connectionInputs = (over: Record<string, unknown> = {}) => ({
    serviceArn: T.adminServiceArn,
    ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId },
    ...over,
});
