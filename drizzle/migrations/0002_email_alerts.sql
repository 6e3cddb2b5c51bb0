CREATE TABLE "alert_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"digest_minute" integer DEFAULT 480 NOT NULL,
	"time_zone" text DEFAULT 'America/New_York' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failing_since" timestamp with time zone,
	CONSTRAINT "alert_settings_mode" CHECK ("alert_settings"."mode" in ('off', 'instant', 'digest')),
	CONSTRAINT "alert_settings_digest_minute" CHECK ("alert_settings"."digest_minute" between 0 and 1439)
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"key" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"post_ids" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_messages_kind" CHECK ("email_messages"."kind" in ('alert', 'digest')),
	CONSTRAINT "email_messages_status" CHECK ("email_messages"."status" in ('pending', 'sending', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "post_announcements" (
	"post_id" text PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"announced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reader_post_alerts" (
	"user_id" text NOT NULL,
	"post_id" text NOT NULL,
	"symbols" text[] NOT NULL,
	"via" text NOT NULL,
	"message_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reader_post_alerts_user_id_post_id_pk" PRIMARY KEY("user_id","post_id"),
	CONSTRAINT "reader_post_alerts_via" CHECK ("reader_post_alerts"."via" in ('instant', 'digest'))
);
--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_post_alerts" ADD CONSTRAINT "reader_post_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_post_alerts" ADD CONSTRAINT "reader_post_alerts_post_id_post_announcements_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."post_announcements"("post_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_messages_claimable_idx" ON "email_messages" USING btree ("next_attempt_at") WHERE "email_messages"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "email_messages_user_day_idx" ON "email_messages" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "reader_post_alerts_digest_idx" ON "reader_post_alerts" USING btree ("user_id") WHERE "reader_post_alerts"."message_key" is null;--> statement-breakpoint
CREATE INDEX "watchlist_items_symbol_idx" ON "watchlist_items" USING btree ("symbol");