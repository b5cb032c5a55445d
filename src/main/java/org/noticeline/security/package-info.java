/** Who may write: API tokens with scopes (only their hashes are stored), the filter that checks them, and the caller of a request. */
package org.noticeline.security;
