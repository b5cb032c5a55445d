/** What every resource shares and no feature owns: problem documents and their mappers, the error page, HTTP guards, JSON settings, public URLs. Depends on no feature. */
package org.noticeline.web;
