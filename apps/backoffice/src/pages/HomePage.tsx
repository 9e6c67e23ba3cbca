import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../features/auth/hooks/use-me';
import { usePermissions } from '../features/auth/hooks/use-permissions';
import { buildNavigation } from '../features/navigation/nav';
import { PageHeader } from '../components/PageHeader';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items = buildNavigation(usePermissions()).filter((item) => item.id !== 'home');
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('home.title', { name: me.name })} intro={t('home.intro')} />
      <section className="card" aria-labelledby="home-roles">
        <h2 id="home-roles">{t('home.yourRoles')}</h2>
        <ul className="role-list">
          {me.roles.map((role) => (
            <li key={role}>
              <strong>{t(`roles.${role}`)}</strong>: {t(`home.roleText.${role}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-links">
        <h2 id="home-links">{t('home.whatYouCanDo')}</h2>
        <ul className="card-grid">
          {items.map((item) => (
            <li key={item.id} className="card link-card">
              <h3>
                <Link to={item.to}>{t(item.labelKey)}</Link>
              </h3>
              <p>{t(`home.cards.${item.id}`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
