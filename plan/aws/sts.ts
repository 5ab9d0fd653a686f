// AWS STS's GetCallerIdentity (STS API reference): who is calling.
import { Account } from "./account";

export const sts: Record<string, (account: Account, region: string, params: Record<string, any>) => Record<string, any>> = {
    GetCallerIdentity: (account) => ({
        Account: account.accountId,
        Arn: `arn:aws:iam::${account.accountId}:user/standin`,
        UserId: "AIDASTANDINUSER000001",
    }),
};
