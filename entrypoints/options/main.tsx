import '@/components/theme.css';
import '@/components/library/library.css';
import { mountPage } from '@/components/mount-page';
import { LibraryApp } from './LibraryApp';

mountPage(<LibraryApp />, 'libraryPageTitle');
