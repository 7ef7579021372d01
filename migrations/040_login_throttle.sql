-- Sign-in throttling that holds under concurrency: one row per account name and one per address, each counting
-- recent failures and, past a free allowance, blocking further attempts for a period that doubles with every
-- failure. An attempt is reserved (counted) before its password is checked, in one statement, so parallel guesses
-- cannot all pass a check made before any of them is recorded. Replaces login_failures (check-then-insert).
DROP TABLE login_failures;

CREATE TABLE login_throttle (
  scope          text NOT NULL CHECK (scope IN ('user', 'ip')),
  key            text NOT NULL,
  failures       integer NOT NULL CHECK (failures >= 0),
  last_at        timestamptz NOT NULL,
  blocked_until  timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE INDEX login_throttle_last_idx ON login_throttle (last_at);

-- Reserves one attempt for a key: refused while blocked (nothing recorded); otherwise counted, and from the
-- p_free-th failure on the key is blocked for p_base_s * 2^(failures - p_free) seconds, at most p_max_s.
-- Failures older than p_window_min minutes (since the last one) are forgotten.
CREATE FUNCTION login_throttle_reserve(p_scope text, p_key text, p_free integer, p_base_s integer, p_max_s integer,
                                       p_window_min integer, OUT allowed boolean, OUT retry_after integer)
LANGUAGE plpgsql AS $$
DECLARE
  r login_throttle;
BEGIN
  INSERT INTO login_throttle (scope, key, failures, last_at) VALUES (p_scope, p_key, 0, now())
  ON CONFLICT (scope, key) DO NOTHING;
  SELECT * INTO r FROM login_throttle WHERE scope = p_scope AND key = p_key FOR UPDATE;
  IF r.blocked_until > now() THEN
    allowed := false;
    retry_after := greatest(1, ceil(extract(epoch FROM r.blocked_until - now())))::integer;
    RETURN;
  END IF;
  IF r.last_at < now() - make_interval(mins => p_window_min) THEN
    r.failures := 0;
  END IF;
  r.failures := r.failures + 1;
  UPDATE login_throttle
     SET failures = r.failures,
         last_at = now(),
         blocked_until = CASE WHEN r.failures >= p_free
           THEN now() + make_interval(secs => least(p_max_s, p_base_s * 2 ^ least(r.failures - p_free, 20))) END
   WHERE scope = p_scope AND key = p_key;
  allowed := true;
  retry_after := 0;
END
$$;

-- Gives back one reservation (an attempt that turned out not to be a failure); unblocks when below the allowance.
CREATE FUNCTION login_throttle_release(p_scope text, p_key text, p_free integer) RETURNS void
LANGUAGE sql AS $$
  UPDATE login_throttle
     SET failures = greatest(failures - 1, 0),
         blocked_until = CASE WHEN failures - 1 < p_free THEN NULL ELSE blocked_until END
   WHERE scope = p_scope AND key = p_key
$$;

-- One sign-in attempt, reserved against the account name and then the address. An attempt the account refuses is
-- not counted against the address (guesses at one blocked account must not lock out an office behind one NAT);
-- when the address refuses, the account's reservation is given back, so a sprayer cannot block other accounts.
CREATE FUNCTION login_attempt(p_user text, p_ip text, p_user_free integer, p_ip_free integer, p_base_s integer,
                              p_max_s integer, p_window_min integer, OUT allowed boolean, OUT retry_after integer)
LANGUAGE plpgsql AS $$
DECLARE
  account record;
  address record;
BEGIN
  SELECT * INTO account FROM login_throttle_reserve('user', p_user, p_user_free, p_base_s, p_max_s, p_window_min);
  IF NOT account.allowed THEN
    allowed := false;
    retry_after := account.retry_after;
    RETURN;
  END IF;
  SELECT * INTO address FROM login_throttle_reserve('ip', p_ip, p_ip_free, p_base_s, p_max_s, p_window_min);
  IF NOT address.allowed THEN
    PERFORM login_throttle_release('user', p_user, p_user_free);
  END IF;
  allowed := address.allowed;
  retry_after := address.retry_after;
END
$$;
