package dev.eventbus.provision;

import org.jspecify.annotations.Nullable;

/**
 * The AWS region and account the ARNs of a {@link Topology} name. Either may be a CloudFormation
 * style placeholder ({@value #REGION_PLACEHOLDER}, {@value #ACCOUNT_PLACEHOLDER}) when it is not
 * known: the document is computed without calling AWS.
 *
 * @param region the region, or {@value #REGION_PLACEHOLDER}
 * @param accountId the account id, or {@value #ACCOUNT_PLACEHOLDER}
 */
public record AwsAccount(String region, String accountId) {

	/** What an ARN holds where the region is not known. */
	public static final String REGION_PLACEHOLDER = "${AWS::Region}";

	/** What an ARN holds where the account id is not known. */
	public static final String ACCOUNT_PLACEHOLDER = "${AWS::AccountId}";

	/**
	 * The account of the given region and id, placeholders for what is not given.
	 * @param region the region, {@code null} or blank when not known
	 * @param accountId the account id, {@code null} or blank when not known
	 * @return the account
	 */
	public static AwsAccount of(@Nullable String region, @Nullable String accountId) {
		return new AwsAccount(known(region) ? region : REGION_PLACEHOLDER,
				known(accountId) ? accountId : ACCOUNT_PLACEHOLDER);
	}

	/**
	 * Fills what is not known from an ARN that AWS returned (such as a topic's), keeping what is.
	 * @param arn an SNS or SQS ARN, {@code arn:aws:<service>:<region>:<account>:<name>}
	 * @return the account, unchanged when the ARN has not that form
	 */
	public AwsAccount orFrom(@Nullable String arn) {
		String[] parts = (arn != null) ? arn.split(":", 6) : new String[0];
		if (parts.length < 6 || !"arn".equals(parts[0])) {
			return this;
		}
		return new AwsAccount(this.region.equals(REGION_PLACEHOLDER) ? parts[3] : this.region,
				this.accountId.equals(ACCOUNT_PLACEHOLDER) ? parts[4] : this.accountId);
	}

	/**
	 * Whether the region and the account id are both known.
	 * @return whether ARNs hold no placeholder
	 */
	public boolean complete() {
		return !this.region.equals(REGION_PLACEHOLDER) && !this.accountId.equals(ACCOUNT_PLACEHOLDER);
	}

	/**
	 * The ARN of an SNS topic.
	 * @param topicName the topic name
	 * @return the ARN
	 */
	public String topicArn(String topicName) {
		return arn("sns", topicName);
	}

	/**
	 * The ARN of an SQS queue.
	 * @param queueName the queue name
	 * @return the ARN
	 */
	public String queueArn(String queueName) {
		return arn("sqs", queueName);
	}

	private String arn(String service, String name) {
		return "arn:aws:" + service + ":" + this.region + ":" + this.accountId + ":" + name;
	}

	private static boolean known(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
