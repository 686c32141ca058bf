package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountDirectory;
import dev.keywarden.audit.AccountSelection;
import dev.keywarden.audit.MemberAccount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Lists the Organization's active accounts for the dispatcher, reading the OU tree only when the
 * selection needs it, and falls back to the caller's own account outside an Organization.
 *
 * <p>Calls: {@code organizations:DescribeOrganization} (which alone tells whether there is an
 * Organization: the emulator answers ListAccounts with an empty list outside one), {@code
 * organizations:ListAccounts} (paginated); with OU lists, also {@code ListRoots}, {@code
 * ListOrganizationalUnitsForParent} and {@code ListAccountsForParent} (paginated, once per OU);
 * {@code sts:GetCallerIdentity} only outside an Organization. Tags are read separately, one {@code
 * ListTagsForResource} per account, by {@link #tags}.
 */
public final class OrganizationGateway implements AccountDirectory {
  private static final Logger LOG = LogManager.getLogger(OrganizationGateway.class);

  private final OrganizationsClient organizations;
  private final Supplier<CallerIdentity> caller;

  private OrganizationGateway(OrganizationsClient organizations, Supplier<CallerIdentity> caller) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  public static OrganizationGateway create(AwsClientFactory clients) {
    return new OrganizationGateway(clients.organizations(), clients::callerIdentity);
  }

  /**
   * The names of the Organization's active accounts, for labels only: empty, without a warning,
   * when the caller's account belongs to no Organization (nothing is audited here).
   */
  public Map<String, String> accountNames() {
    try {
      call("describe the Organization", organizations::describeOrganization);
    } catch (NotInOrganization e) {
      return Map.of();
    }
    Map<String, String> names = new java.util.TreeMap<>();
    call(
        "list the Organization's accounts",
        () -> {
          organizations
              .listAccountsPaginator(r -> {})
              .forEach(
                  page ->
                      page.accounts().stream()
                          .filter(OrganizationGateway::active)
                          .filter(a -> a.name() != null && !a.name().isBlank())
                          .forEach(a -> names.put(a.id(), a.name())));
          return names;
        });
    return names;
  }

  @Override
  public List<MemberAccount> activeAccounts(AccountSelection selection) {
    try {
      call("describe the Organization", organizations::describeOrganization);
    } catch (NotInOrganization e) {
      CallerIdentity self = caller.get();
      LOG.warn(
          "accountId={} the account belongs to no Organization; auditing it alone",
          self.accountId());
      MemberAccount own = new MemberAccount(self.accountId(), self.accountId(), "", Map.of());
      return selection.selects(own.id(), List.of()) ? List.of(own) : List.of();
    }
    List<Account> accounts =
        call(
            "list the Organization's accounts",
            () -> {
              List<Account> all = new ArrayList<>();
              organizations
                  .listAccountsPaginator(r -> {})
                  .forEach(page -> all.addAll(page.accounts()));
              return all;
            });
    Map<String, List<String>> ancestors = selection.needsOuTree() ? ancestors() : Map.of();
    return accounts.stream()
        .filter(OrganizationGateway::active)
        .filter(a -> selection.selects(a.id(), ancestors.getOrDefault(a.id(), List.of())))
        .map(
            a -> new MemberAccount(a.id(), nullToEmpty(a.name()), nullToEmpty(a.email()), Map.of()))
        .sorted(Comparator.comparing(MemberAccount::id))
        .toList();
  }

  /**
   * The account's tags in Organizations: one {@code ListTagsForResource} (paginated). Empty, with
   * the reason at debug level, when they cannot be read (outside an Organization, or without the
   * permission): they only name a fallback owner.
   */
  @Override
  public Map<String, String> tags(String accountId) {
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      call(
          "read the tags of account " + accountId,
          () -> {
            organizations
                .listTagsForResourcePaginator(r -> r.resourceId(accountId))
                .forEach(page -> page.tags().forEach((Tag t) -> tags.put(t.key(), t.value())));
            return null;
          });
    } catch (NotInOrganization | KeywardenException e) {
      LOG.debug(
          "accountId={} its tags in Organizations cannot be read: {}",
          accountId,
          e instanceof NotInOrganization ? "no Organization" : e.getMessage());
      return Map.of();
    }
    return Map.copyOf(tags);
  }

  /**
   * Every account's OUs and root, walked breadth-first from the roots: one {@code
   * ListOrganizationalUnitsForParent} and one {@code ListAccountsForParent} per OU.
   */
  private Map<String, List<String>> ancestors() {
    return call(
        "read the Organization's OU tree",
        () -> {
          Map<String, List<String>> byAccount = new HashMap<>();
          Deque<List<String>> pending = new ArrayDeque<>();
          organizations
              .listRootsPaginator(r -> {})
              .forEach(
                  page -> {
                    for (Root root : page.roots()) {
                      pending.add(List.of(root.id()));
                    }
                  });
          while (!pending.isEmpty()) {
            List<String> path = pending.poll();
            String parent = path.get(path.size() - 1);
            organizations
                .listAccountsForParentPaginator(r -> r.parentId(parent))
                .forEach(
                    page -> {
                      for (Account account : page.accounts()) {
                        byAccount.put(account.id(), path);
                      }
                    });
            organizations
                .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent))
                .forEach(
                    page -> {
                      for (OrganizationalUnit ou : page.organizationalUnits()) {
                        List<String> child = new ArrayList<>(path);
                        child.add(ou.id());
                        pending.add(List.copyOf(child));
                      }
                    });
          }
          return byAccount;
        });
  }

  /**
   * ACTIVE by the newer {@code State} field when the service sends it, else by the older {@code
   * Status}.
   */
  private static boolean active(Account account) {
    if (account.state() != null && account.state() != AccountState.UNKNOWN_TO_SDK_VERSION) {
      return account.state() == AccountState.ACTIVE;
    }
    return account.status() == AccountStatus.ACTIVE;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (AwsOrganizationsNotInUseException e) {
      throw new NotInOrganization();
    } catch (SdkException e) {
      throw new KeywardenException(
          "organizations: could not "
              + what
              + ": "
              + e.getMessage()
              + " (the caller must be the management account or a delegated administrator, allowed"
              + " organizations:DescribeOrganization and organizations:List*)",
          e);
    }
  }

  /** Organizations says the caller's account belongs to no Organization. */
  private static final class NotInOrganization extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotInOrganization() {
      super(null, null, false, false);
    }
  }
}
