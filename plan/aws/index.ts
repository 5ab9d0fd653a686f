// The model of AWS: one account, its state as plain data, and the AWS APIs that act on it, one handler a request
// (ec2.ts, apprunner.ts, cloudcontrol.ts, sts.ts). It is an independent oracle: written from AWS's API references and
// imports nothing from the component (tests/model-independence.test.ts holds it to that), so where the component and
// the model disagree a test fails. Callers are the copies of the AWS provider (plan/provider), which the mocks, the
// stand-in plugin and the console use.
import { Account, AccountState, Clock, wallClock } from "./account";
import { apprunner } from "./apprunner";
import { cloudcontrol } from "./cloudcontrol";
import { cloudformation } from "./cloudformation";
import { APP_RUNNER_REGIONS, ec2 } from "./ec2/index";
import { AwsError } from "./errors";
import { sts } from "./sts";

export { Account, AccountState, Clock, DURATIONS, wallClock } from "./account";
export { AwsError, isAwsError } from "./errors";
export { REGISTRY } from "./registry";
export type { ResourceRequest } from "./cloudcontrol";
export { hex, zoneId } from "./ids";
export { APP_RUNNER_REGIONS, addNetworkInterface } from "./ec2/index";
export * from "./topology";

export type ServiceName = "ec2" | "apprunner" | "cloudcontrol" | "cloudformation" | "sts";
const SERVICES: Record<
    ServiceName,
    Record<string, (account: Account, region: string, params: Record<string, any>) => Record<string, any>>
> = {
    ec2,
    apprunner,
    cloudcontrol,
    cloudformation,
    sts,
};

/** The region shape of the `aws` partition (e.g. us-east-1): any other region has no endpoint at all. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** A request that never reached AWS: the service has no endpoint in that region (the SDK's DNS failure). */
export class NetworkError extends Error {}

export class Aws {
    readonly account: Account;

    constructor(state: AccountState, clock: Clock = wallClock()) {
        this.account = new Account(state, clock);
    }

    /** Calls one action of one service in a region: its answer, or AwsError as AWS refuses. */
    call(service: ServiceName, action: string, params: Record<string, any>, region: string): Record<string, any> {
        const host = `${service === "cloudcontrol" ? "cloudcontrolapi" : service}.${region}.amazonaws.com`;
        // App Runner exists in 11 regions only (AWS General Reference, "AWS App Runner endpoints and quotas").
        if (!REGION.test(region) || (service === "apprunner" && !APP_RUNNER_REGIONS.includes(region))) {
            throw new NetworkError(`dial tcp: lookup ${host}: no such host`);
        }
        const handler = SERVICES[service][action];
        if (!handler) throw new Error(`the AWS model has no ${service}:${action}`);
        this.account.settle();
        // An account App Runner does not serve (closed to new customers since 30 April 2026): every App Runner call is
        // refused with AWS's text for a service the account is not subscribed to (HTTP 400; research notes: the JSON
        // protocol's SubscriptionRequiredException, which App Runner's model does not list).
        if (service === "apprunner" && this.account.state.appRunnerSubscription === false) {
            throw new AwsError("SubscriptionRequiredException", "The AWS Access Key Id needs a subscription for the service", 400);
        }
        return handler(this.account, region, structuredClone(params));
    }

    /**
     * Not an AWS API: makes the change under way on an object end in its failed state (FAILED_CREATION, `failed`), as
     * AWS sometimes does. For the stand-in's `init-failed` fault.
     */
    failPendingChange(id: string): void {
        this.account.state.failures.push(id);
    }
}
